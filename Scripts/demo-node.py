#!/usr/bin/env python3
"""A scripted EVM JSON-RPC node on 127.0.0.1 for demos and the docs' example output.

It plays one scenario (a transfer stuck below the base fee, or a confirmed one) so the README can
show real walletdoctor output without touching a public network:

    python3 Scripts/demo-node.py --scenario pending --port 8545 &
    swift run walletdoctor diagnose 0x2054…1864 --rpc ethereum=http://127.0.0.1:8545
"""
import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TX_HASH = "0x205405746564cbcf1dd53fb5ac92c7622d3792d82f03c59d9baddf2443d91864"
SENDER = "0x7435ed30a8b4aeb0877cef0c6e8cffe834eb865f"
RECIPIENT = "0x7dcd17433742f4c0ca53122ab541d0ba67fc27df"
HEAD = 21_000_000
GWEI = 10**9


def hexq(value):
    return hex(value)


def scenario_answers(scenario):
    mined = scenario == "confirmed"
    tx = {
        "hash": TX_HASH, "from": SENDER, "to": RECIPIENT, "nonce": hexq(42), "gas": hexq(21000),
        "type": "0x2", "value": hexq(250 * 10**15), "input": "0x", "chainId": "0x1",
        "maxFeePerGas": hexq(8 * GWEI), "maxPriorityFeePerGas": hexq(GWEI // 10),
        "blockNumber": hexq(HEAD - 4) if mined else None,
        "blockHash": "0x" + "ab" * 32 if mined else None, "transactionIndex": "0x5" if mined else None,
    }
    if mined:
        tx["gasPrice"] = hexq(6 * GWEI)
    receipt = None
    if mined:
        receipt = {"status": "0x1", "blockNumber": hexq(HEAD - 4), "gasUsed": hexq(21000),
                   "effectiveGasPrice": hexq(6 * GWEI), "logs": [], "transactionHash": TX_HASH}
    base_fees = [9 * GWEI + i * GWEI // 10 for i in range(10)] + [int(10.2 * GWEI)]
    return {
        "eth_chainId": "0x1",
        "eth_getTransactionByHash": tx,
        "eth_getTransactionReceipt": receipt,
        "eth_getBlockByNumber": {"number": hexq(HEAD), "baseFeePerGas": hexq(base_fees[-2]),
                                 "gasLimit": hexq(36_000_000), "gasUsed": hexq(34_000_000), "timestamp": "0x6745f1a0"},
        "eth_feeHistory": {"oldestBlock": hexq(HEAD - 9), "baseFeePerGas": [hexq(v) for v in base_fees],
                           "gasUsedRatio": [0.93, 0.97, 0.91, 0.99, 0.95, 0.92, 0.96, 0.98, 0.94, 0.97],
                           "reward": [[hexq(GWEI // 5), hexq(GWEI), hexq(3 * GWEI)] for _ in range(10)]},
        "eth_maxPriorityFeePerGas": hexq(GWEI),
        "eth_getTransactionCount": None,  # answered per block tag below
        "eth_getBalance": hexq(3 * 10**17),
    }


class Handler(BaseHTTPRequestHandler):
    answers = {}

    def log_message(self, *args):
        pass

    def answer(self, call):
        method = call.get("method")
        params = call.get("params") or []
        if method == "eth_getTransactionCount":
            result = hexq(42 if (len(params) > 1 and params[1] == "latest") else 43)
        elif method in ("eth_getTransactionByHash", "eth_getTransactionReceipt") and params and params[0].lower() != TX_HASH:
            result = None
        elif method in self.answers:
            result = self.answers[method]
        else:
            return {"jsonrpc": "2.0", "id": call.get("id"), "error": {"code": -32601, "message": "method not found"}}
        return {"jsonrpc": "2.0", "id": call.get("id"), "result": result}

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"null")
        reply = [self.answer(c) for c in body] if isinstance(body, list) else self.answer(body)
        data = json.dumps(reply).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=["pending", "confirmed"], default="pending")
    parser.add_argument("--port", type=int, default=8545)
    args = parser.parse_args()
    Handler.answers = scenario_answers(args.scenario)
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    print(f"demo node ({args.scenario}) on http://127.0.0.1:{server.server_address[1]}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
