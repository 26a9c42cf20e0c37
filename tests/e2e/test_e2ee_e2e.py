#!/usr/bin/python3
"""End-to-end encryption, steps one and two, against the real local Synapse: a bot with
`e2ee: {enabled: true}` publishes its device keys, and another user's `POST /keys/query`
returns the bot's device with the algorithms of the spec and a valid ed25519 self-signature
over the canonical JSON (spec "Signing JSON"); one-time keys are on the server
(`POST /keys/claim` gets one, signed too). After a restart the device keys are the same.
Cross-signing: the bot publishes a master and a self-signing key and signs its device, so
another user's /keys/query shows the chain master -> self-signing -> device with valid
signatures (what Element's "exclude insecure devices" mode checks); `crypto reset-identity`
replaces the identity at the next start, the bot answering Synapse's password prompt.

Needs: deploy/dev-homeserver.sh start and a built binary ($DIALOOG_BIN). The signature check
uses Debian's python3-cryptography (or python3-olm); the test is skipped without either.
Run: /usr/bin/python3 -m unittest tests/e2e/test_e2ee_e2e.py -v
"""

from __future__ import annotations

import base64
import json
import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import subprocess  # noqa: E402

from bot_process import BotProcess, bot_binary, new_user  # noqa: E402
from matrix_client import wait_until  # noqa: E402


def _verifier():
    try:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

        def verify(key_b64: str, message: bytes, sig_b64: str) -> bool:
            try:
                Ed25519PublicKey.from_public_bytes(unb64(key_b64)).verify(unb64(sig_b64), message)
                return True
            except Exception:  # noqa: BLE001 - InvalidSignature or a malformed key
                return False
        return verify
    except ImportError:
        pass
    try:
        import olm  # python3-olm

        def verify(key_b64: str, message: bytes, sig_b64: str) -> bool:
            try:
                olm.ed25519_verify(key_b64, message, sig_b64)
                return True
            except Exception:  # noqa: BLE001
                return False
        return verify
    except ImportError:
        return None


def unb64(s: str) -> bytes:
    return base64.b64decode(s + "=" * (-len(s) % 4))


def canonical(obj: dict) -> bytes:
    """Canonical JSON of a signed object without `signatures` and `unsigned`."""
    stripped = {k: v for k, v in obj.items() if k not in ("signatures", "unsigned")}
    return json.dumps(stripped, sort_keys=True, separators=(",", ":"),
                      ensure_ascii=False).encode("utf-8")


class E2eeDeviceKeys(unittest.TestCase):
    def test_keys_query_returns_the_bots_self_signed_device(self):
        verify = _verifier()
        if verify is None:
            self.skipTest("no ed25519 verifier (python3-cryptography or python3-olm)")
        alice = new_user("alice")
        bot = BotProcess("e2ee", admins=[alice.user_id], extra_yaml="e2ee:\n  enabled: true\n")
        try:
            bot.start()

            def query():
                r = alice.call("POST", "/_matrix/client/v3/keys/query",
                               {"device_keys": {bot.user_id: []}})
                return r.get("device_keys", {}).get(bot.user_id, {}).get(bot.device_id)

            device = wait_until(query, timeout=30.0)
            self.assertTrue(device, "the bot's device keys are not on the server")
            self.assertEqual(device["algorithms"],
                             ["m.olm.v1.curve25519-aes-sha2", "m.megolm.v1.aes-sha2"])
            ed25519 = device["keys"]["ed25519:" + bot.device_id]
            sig = device["signatures"][bot.user_id]["ed25519:" + bot.device_id]
            self.assertTrue(verify(ed25519, canonical(device), sig), "self-signature invalid")
            tampered = dict(device, device_id="SOMEONEELSE")
            self.assertFalse(verify(ed25519, canonical(tampered), sig))

            # One-time keys were published: a claim gets one, signed by the same key.
            def claim():
                r = alice.call("POST", "/_matrix/client/v3/keys/claim",
                               {"one_time_keys": {bot.user_id: {bot.device_id:
                                                                "signed_curve25519"}}})
                return r.get("one_time_keys", {}).get(bot.user_id, {}).get(bot.device_id)

            otk = wait_until(claim, timeout=30.0)
            self.assertTrue(otk, "no one-time key could be claimed")
            (key_id, key), = otk.items()
            self.assertTrue(key_id.startswith("signed_curve25519:"))
            self.assertTrue(verify(ed25519, canonical(key),
                                   key["signatures"][bot.user_id]["ed25519:" + bot.device_id]))

            # A restart keeps the identity (the same device keys, no second upload error).
            bot.restart()
            again = wait_until(query, timeout=30.0)
            self.assertEqual(again["keys"], device["keys"])
            self.assertNotIn("already exists", bot.log_text())
        finally:
            bot.cleanup()


def only_key(cross_signing_key: dict) -> str:
    (key_id, key), = cross_signing_key["keys"].items()
    assert key_id == "ed25519:" + key
    return key


class E2eeCrossSigning(unittest.TestCase):
    def check_chain(self, verify, answer: dict, bot: BotProcess) -> str:
        """Checks master -> self-signing -> device in a /keys/query answer; returns the master
        key."""
        master_obj = answer["master_keys"][bot.user_id]
        ssk_obj = answer["self_signing_keys"][bot.user_id]
        device = answer["device_keys"][bot.user_id][bot.device_id]
        self.assertEqual(master_obj["usage"], ["master"])
        self.assertEqual(ssk_obj["usage"], ["self_signing"])
        master, ssk = only_key(master_obj), only_key(ssk_obj)
        self.assertTrue(verify(master, canonical(ssk_obj),
                               ssk_obj["signatures"][bot.user_id]["ed25519:" + master]),
                        "the self-signing key is not signed by the master key")
        self.assertTrue(verify(ssk, canonical(device),
                               device["signatures"][bot.user_id]["ed25519:" + ssk]),
                        "the device is not signed by the self-signing key")
        return master

    def test_the_bot_cross_signs_its_device_and_a_reset_replaces_the_identity(self):
        verify = _verifier()
        if verify is None:
            self.skipTest("no ed25519 verifier (python3-cryptography or python3-olm)")
        alice = new_user("alice")
        bot = BotProcess("xsign", admins=[alice.user_id], extra_yaml="e2ee:\n  enabled: true\n")
        try:
            bot.start()

            def chain():
                r = alice.call("POST", "/_matrix/client/v3/keys/query",
                               {"device_keys": {bot.user_id: []}})
                device = r.get("device_keys", {}).get(bot.user_id, {}).get(bot.device_id, {})
                signers = device.get("signatures", {}).get(bot.user_id, {})
                ssk = r.get("self_signing_keys", {}).get(bot.user_id)
                if ssk and ("ed25519:" + only_key(ssk)) in signers:
                    return r
                return None

            answer = wait_until(chain, timeout=30.0)
            self.assertTrue(answer, "the bot's device was not cross-signed")
            master = self.check_chain(verify, answer, bot)

            # The recovery file holds the master key; crypto status says the server agrees.
            recovery = Path(str(bot.db_path) + ".cross-signing-recovery")
            self.assertEqual(recovery.stat().st_mode & 0o777, 0o600)
            self.assertIn("master_public_key: " + master, recovery.read_text())

            def status() -> str:
                return subprocess.run([bot_binary(), "crypto", "status", "--config",
                                       str(bot.config_path)], capture_output=True, text=True,
                                      timeout=30).stdout
            wait_until(lambda: "the device is cross-signed" in status(), timeout=30.0)
            self.assertIn("the device is cross-signed", status())
            bot.stop()

            # Without --yes nothing changes; with it, the next start replaces the identity and
            # answers Synapse's password prompt (a replacement needs it, MSC3967).
            reset = [bot_binary(), "crypto", "reset-identity", "--config", str(bot.config_path)]
            dry = subprocess.run(reset, capture_output=True, text=True, timeout=30)
            self.assertEqual(dry.returncode, 1)
            self.assertIn("--yes", dry.stdout)
            self.assertIn("master_public_key: " + master, recovery.read_text())
            done = subprocess.run(reset + ["--yes"], capture_output=True, text=True, timeout=30)
            self.assertEqual(done.returncode, 0, done.stderr)
            bot.start()

            def replaced():
                r = chain()
                return r if r and only_key(r["master_keys"][bot.user_id]) != master else None

            answer = wait_until(replaced, timeout=30.0)
            self.assertTrue(answer, "the reset identity was not published:\n" + bot.log_tail())
            self.check_chain(verify, answer, bot)
            self.assertNotIn(bot.password, bot.log_text())
            self.assertNotIn(recovery.read_text().split("master_private_key: ")[1].strip(),
                             bot.log_text())
        finally:
            bot.cleanup()


if __name__ == "__main__":
    unittest.main()
