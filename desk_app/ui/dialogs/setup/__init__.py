"""Set-up dialogs: the first-run wizard, the settings, the PIN, camera, scanner and mail forms."""
