"""Domain rules of the desk: what a payload means, when a scan is an entry or an exit."""
