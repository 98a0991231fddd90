"""Peer support: peer contributions and the peer-hours report."""
