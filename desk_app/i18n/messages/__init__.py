"""The message catalogue, one module per area; each holds ``MESSAGES``."""
