"""Gunicorn as `make serve` runs it (production): `gunicorn -c goteborg_uppdrag/gunicorn.conf.py goteborg_uppdrag.wsgi`.

Every setting can be changed from the environment; the app process keeps nothing of its own
(sessions in the database, files through Django's storage), so any number of these can run
behind one proxy against one PostgreSQL.
"""

import multiprocessing
import os

wsgi_app = "goteborg_uppdrag.wsgi:application"
bind = os.environ.get("GUNICORN_BIND") or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# 2 x cores + 1 processes keep the CPUs busy while some wait on the database. Each has threads
# (gunicorn's gthread worker): a request waiting for a PDF that another request renders
# (core/render_pool.py) holds a cheap thread, not a whole process, so twenty PDF requests at
# once leave threads for the pages. A process takes no more connections than it has threads,
# so a page is never queued inside a process whose threads all wait.
workers = int(os.environ.get("WEB_CONCURRENCY") or multiprocessing.cpu_count() * 2 + 1)
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
worker_connections = threads
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))  # a big PDF may take a few seconds, never a minute
graceful_timeout = 30
# No idle keep-alive connections: each would hold one of a process's connections (above), and
# the proxy in front keeps its own to the clients.
keepalive = 0
# Recycle workers now and then so that no slow growth of memory accumulates.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "5000"))
max_requests_jitter = max_requests // 10
# /dev/shm is RAM-backed: heartbeat files there never block on a slow disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# The proxy in front (nginx, HAProxy, a load balancer) sets X-Forwarded-Proto; trust it only from there.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
proc_name = "goteborg_uppdrag"
# Gunicorn's control socket (gunicornc) lives at one fixed path per user by default, which two
# instances on one machine would share; it is off unless a path is given.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
