await AgentDashboard.Simulator.SimulatorProgram.RunAsync(args);
