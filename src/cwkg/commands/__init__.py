"""The command line's verbs, a module per group of them; `cwkg.cli` registers them on the app. Each only parses
its options, calls the module that does the work and prints what it gives."""
