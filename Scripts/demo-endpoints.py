#!/usr/bin/env python3
"""Local endpoints in various states of health, for `walletdoctor endpoints --check` demos and
the example output in docs/reliability.md. Nothing here touches a public network.

    python3 Scripts/demo-endpoints.py --base-port 28540 &
    swift run walletdoctor endpoints --check \\
      --rpc ethereum=http://127.0.0.1:28540 --rpc ethereum=http://127.0.0.1:28541 \\
      --rpc ethereum=http://127.0.0.1:28542 --rpc ethereum=http://127.0.0.1:28543 \\
      --rpc bsc=http://127.0.0.1:28549 \\
      --rpc bitcoin=http://127.0.0.1:28544/api --rpc tron=http://127.0.0.1:28545

Ports (base + n): 0 healthy EVM node with rate-limit headers; 1 EVM node 100 blocks behind;
2 EVM node that serves BNB Smart Chain (chain id 56); 3 EVM node that refuses batches;
4 Esplora (Bitcoin mainnet); 5 TRON HTTP API (mainnet); 9 is left closed (a down endpoint).
"""
import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HEAD = 21_000_000
BITCOIN_GENESIS = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f"
TRON_GENESIS = "00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc"


def evm_handler(chain_id, head, batches=True, headers=None):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self, status, body, content_type="application/json"):
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def answer(self, call):
            results = {"eth_chainId": hex(chain_id), "eth_blockNumber": hex(head)}
            method = call.get("method")
            if method in results:
                return {"jsonrpc": "2.0", "id": call.get("id"), "result": results[method]}
            return {"jsonrpc": "2.0", "id": call.get("id"), "error": {"code": -32601, "message": "method not found"}}

        def do_POST(self):
            request = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"null")
            if isinstance(request, list):
                if not batches:
                    return self.reply(400, "batch requests are not supported", "text/plain")
                return self.reply(200, json.dumps([self.answer(call) for call in request]))
            return self.reply(200, json.dumps(self.answer(request)))

    return Handler


class EsploraHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        answers = {"/api/blocks/tip/height": str(870_000), "/api/block-height/0": BITCOIN_GENESIS}
        body = answers.get(self.path)
        status = 200 if body is not None else 404
        data = (body or "Not found").encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


class TronHandler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path == "/wallet/getnowblock":
            body = {"blockID": "0000000004010b2a" + "ab" * 24,
                    "block_header": {"raw_data": {"number": 67_177_258, "timestamp": 1_764_000_000_000}}}
        elif self.path == "/wallet/getblockbynum":
            body = {"blockID": TRON_GENESIS, "block_header": {"raw_data": {}}}
        else:
            body = {}
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base-port", type=int, default=28540)
    args = parser.parse_args()
    handlers = [
        evm_handler(1, HEAD, headers={"X-RateLimit-Limit": "100", "X-RateLimit-Remaining": "97"}),
        evm_handler(1, HEAD - 100),
        evm_handler(56, 45_000_000),
        evm_handler(1, HEAD - 1, batches=False),
        EsploraHandler,
        TronHandler,
    ]
    servers = []
    for offset, handler in enumerate(handlers):
        server = ThreadingHTTPServer(("127.0.0.1", args.base_port + offset), handler)
        servers.append(server)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"serving on 127.0.0.1:{args.base_port}-{args.base_port + len(handlers) - 1}", flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
