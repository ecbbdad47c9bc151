"""The desk window: panels, models and the controller that turns codes into visits."""
