"""Report dialogs: the weekly report and the province roll-up."""
