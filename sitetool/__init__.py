"""The editors' command-line tool: `sitetool build`, `sitetool serve`, …"""
