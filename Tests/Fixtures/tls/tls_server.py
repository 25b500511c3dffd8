#!/usr/bin/env python3
"""A JSON-RPC endpoint on 127.0.0.1 behind a self-signed (untrusted) certificate, for the test that
walletdoctor refuses it. Prints its port as the first line of stdout, then serves until killed."""
import http.server
import os
import ssl

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


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(os.path.join(HERE, "untrusted-test-cert.pem"), os.path.join(HERE, "untrusted-test-key.pem"))
server.socket = context.wrap_socket(server.socket, server_side=True)
print(server.server_address[1], flush=True)
server.serve_forever()
