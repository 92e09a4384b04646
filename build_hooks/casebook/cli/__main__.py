"""`python -m casebook.cli`, as the benchmark runs the command without the console script."""

from casebook.cli.commands import main

raise SystemExit(main())
