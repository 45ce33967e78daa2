"""One module per `ppid` command; each exposes `add_parser(subparsers)` and `run(args, site)`."""
