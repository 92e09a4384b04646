"""What a case publishes for indexers and readers' tools, all from one ScholarlyRecord."""
