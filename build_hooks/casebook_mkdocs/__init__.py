"""The MkDocs adapter: everything that imports MkDocs, Material or watchdog, beside the core.

Its own package, not part of `casebook`: the hook file re-imports the core when the core's
source changes, by dropping `casebook.*` from sys.modules, and this package (the state a
preview keeps between rebuilds) must survive that. Named for its engine rather than for
previews: the atomic site swap of every build and the contract with the core are here too.
"""
