#!/usr/bin/env python3
"""Scripted Bitcoin (Esplora + mempool.space extensions) and TRON (java-tron HTTP) APIs on
127.0.0.1, for demos and the README's example output. Values are invented example data.

    python3 Scripts/demo-chains.py --bitcoin-port 13000 --tron-port 18090 &
    swift run walletdoctor diagnose 4e2f…e6f7 --rpc bitcoin=http://127.0.0.1:13000/api
    swift run walletdoctor diagnose 7d3f…8e0f --rpc tron=http://127.0.0.1:18090

Bitcoin: a payment at 20 sat/vB while the next block takes 25.5 sat/vB (pending, RBF and CPFP
numbers). TRON: a USDT transfer that failed OUT_OF_ENERGY with a 5 TRX fee limit.
"""
import argparse
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BTC_TXID = "4e2f1c9a7b3d5e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7"
BTC_PARENT = "1b" * 32
TRON_TXID = "7d3f0a5b9c1e2d4f6a8b0c2d4e6f8a0b1c3d5e7f9a1b3c5d7e9f0a2b4c6d8e0f"
SENDER_HEX = "415a1b2c3d4e5f60718293a4b5c6d7e8f901234567"
RECIPIENT_HEX = "419f8e7d6c5b4a39281706f5e4d3c2b1a098765432"
USDT_HEX = "41a614f803b6fd780986a42c78ec9c7f77e6ded13c"
TRON_HEAD = 66_900_000
TRON_TIME = 1_731_300_000_000


def btc_tx(txid, fee, weight, height=None):
    status = {"confirmed": True, "block_height": height, "block_hash": "00" * 32, "block_time": 1730000000} \
        if height else {"confirmed": False}
    return {"txid": txid, "version": 2, "locktime": 0,
            "vin": [{"txid": BTC_PARENT if txid == BTC_TXID else "2c" * 32, "vout": 0, "is_coinbase": False,
                     "prevout": {"scriptpubkey_type": "v0_p2wpkh", "value": 100000}, "sequence": 4294967293}],
            "vout": [{"scriptpubkey_type": "v0_p2wpkh", "value": 97180}],
            "size": 222, "weight": weight, "fee": fee, "status": status}


BITCOIN = {
    "/api/blocks/tip/height": "870000",
    # Mainnet's genesis: walletdoctor checks the network of endpoints you give it.
    "/api/block-height/0": "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f",
    "/api/fee-estimates": {"144": 1.027, "6": 12.5, "2": 26.000000000000004, "3": 21.9, "1008": 1},
    "/api/mempool": {"count": 5123, "vsize": 2400000, "total_fee": 41234567, "fee_histogram": []},
    "/api/v1/fees/mempool-blocks": [
        {"blockSize": 1700000, "blockVSize": 997953.25, "nTx": 3000, "totalFees": 9000000, "medianFee": 27,
         "feeRange": [25.5, 26, 27.5, 65.5]},
        {"blockSize": 1700000, "blockVSize": 997963, "nTx": 3100, "totalFees": 6000000, "medianFee": 19,
         "feeRange": [18.000000000000004, 18.5, 20, 25]},
        {"blockSize": 1700000, "blockVSize": 3385616.5, "nTx": 9000, "totalFees": 4000000, "medianFee": 3,
         "feeRange": [1.2, 2, 5, 9]},
    ],
    "/api/v1/fees/recommended": {"fastestFee": 26, "halfHourFee": 19, "hourFee": 10, "economyFee": 2, "minimumFee": 1},
    f"/api/v1/tx/{BTC_TXID}/rbf": {"replacements": None, "replaces": None},
    f"/api/tx/{BTC_TXID}": btc_tx(BTC_TXID, 2820, 561),
    f"/api/tx/{BTC_PARENT}": btc_tx(BTC_PARENT, 1000, 800, height=869990),
}


def usdt_call(amount):
    return "a9059cbb" + "0" * 24 + RECIPIENT_HEX[2:] + format(amount, "064x")


TRON = {
    # Block 0 of mainnet (the network check; its genesis allocations are left out here).
    "/wallet/getblockbynum": {"blockID": "00000000000000001ebf88508a03865c71d452e25f4d51194196a1d22b6653dc",
                              "block_header": {"raw_data": {}}},
    "/wallet/getnowblock": {"blockID": "00", "block_header": {"raw_data": {"number": TRON_HEAD, "timestamp": TRON_TIME}}},
    "/wallet/gettransactionbyid": {
        "ret": [{"contractRet": "OUT_OF_ENERGY"}], "txID": TRON_TXID,
        "raw_data": {"contract": [{"parameter": {"value": {"data": usdt_call(25_000_000), "owner_address": SENDER_HEX,
                                                           "contract_address": USDT_HEX},
                                                 "type_url": "type.googleapis.com/protocol.TriggerSmartContract"},
                                   "type": "TriggerSmartContract"}],
                     "expiration": TRON_TIME - 60_000, "fee_limit": 5_000_000, "timestamp": TRON_TIME - 120_000}},
    "/wallet/gettransactioninfobyid": {
        "id": TRON_TXID, "fee": 5345000, "blockNumber": TRON_HEAD - 2, "blockTimeStamp": TRON_TIME - 6000,
        "contractResult": [""], "contract_address": USDT_HEX,
        "receipt": {"energy_fee": 5000000, "energy_usage_total": 50000, "net_fee": 345000, "result": "OUT_OF_ENERGY"},
        "result": "FAILED",
        "resMessage": b"Not enough energy for 'SSTORE' operation executing: curInvokeEnergyLimit[50000], "
                      b"curOpEnergy[20000], penaltyEnergy[0], usedEnergy[30000]".hex()},
    "/wallet/gettransactionfrompending": {},
    "/wallet/getaccount": {"address": SENDER_HEX, "balance": 7_500_000},
    "/wallet/getaccountresource": {"freeNetUsed": 600, "freeNetLimit": 600},
    "/wallet/getchainparameters": {"chainParameter": [{"key": "getTransactionFee", "value": 1000},
                                                      {"key": "getEnergyFee", "value": 100}]},
}


def handler(routes, method):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def reply(self):
            if method == "POST":
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
            body = routes.get(self.path)
            if body is None:
                status, data, kind = 404, b"Transaction not found" if "/tx/" in self.path else b"Not Found", "text/plain"
            else:
                status, kind = 200, "application/json" if not isinstance(body, str) else "text/plain"
                data = (body if isinstance(body, str) else json.dumps(body)).encode()
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = reply
        do_POST = reply
    return Handler


# walletdoctor opens eight connections at once to an Esplora API it checks; Python's default
# listen backlog of 5 would drop some and delay them by a second-long SYN retry.
ThreadingHTTPServer.request_queue_size = 64


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bitcoin-port", type=int, default=13000)
    parser.add_argument("--tron-port", type=int, default=18090)
    args = parser.parse_args()
    servers = [ThreadingHTTPServer(("127.0.0.1", args.bitcoin_port), handler(BITCOIN, "GET")),
               ThreadingHTTPServer(("127.0.0.1", args.tron_port), handler(TRON, "POST"))]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"bitcoin demo on http://127.0.0.1:{args.bitcoin_port}/api, tron demo on http://127.0.0.1:{args.tron_port}",
          flush=True)
    threading.Event().wait()


if __name__ == "__main__":
    main()
