#!/usr/bin/env python3
"""A JSON-RPC endpoint on 127.0.0.1 behind a self-signed (untrusted) certificate, for the test that
walletdoctor refuses it. Prints its port as the first line of stdout, then serves until killed."""
import http.server
import os
import signal
import ssl
import sys
import threading

HERE = os.path.dirname(os.path.abspath(__file__))


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        body = b'[{"jsonrpc":"2.0","id":1,"result":"0x1"}]'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# A child started from a test inherits the test thread's blocked signal mask: unblock, so SIGTERM
# works, and also exit when the test closes our stdin (or dies), so no server outlives its test.
signal.pthread_sigmask(signal.SIG_SETMASK, [])


def exit_when_stdin_closes():
    sys.stdin.buffer.read()
    os._exit(0)


threading.Thread(target=exit_when_stdin_closes, daemon=True).start()

server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(os.path.join(HERE, "untrusted-test-cert.pem"), os.path.join(HERE, "untrusted-test-key.pem"))
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
