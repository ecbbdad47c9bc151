"""The weekly report: figures, the workbook and sending it by e-mail (no Qt here)."""
