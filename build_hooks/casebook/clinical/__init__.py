"""Clinical facts derived from a case: time axis, timeline, labs, scores, codes, their charts."""
