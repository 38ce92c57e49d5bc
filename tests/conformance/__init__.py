"""The conformance suite: the same requests to a real host and to the lab, compared field by field."""
