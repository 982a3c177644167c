"""readouts: who said what on a leader call, from Polish, English and Russian accounts."""
__version__ = "0.1.0"
