"""The province's roll-up of the units' weekly reports (no Qt): register, inputs, figures,
the province workbook and the draft letter."""
