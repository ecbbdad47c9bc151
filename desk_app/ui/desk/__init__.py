"""The desk window's parts: panels, models, the controller, the camera and scanner feeds."""
