"""newsevents: news articles in, a political-event warehouse out.

The package is layered one way: ``sources`` -> ``extract`` -> ``coding`` -> ``warehouse``.
Only ``pipeline`` and ``cli`` import Prefect.
"""

__version__ = "0.1.0"
