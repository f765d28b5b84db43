#!/usr/bin/python3
"""Local stand-ins for a mail server and an SMS/push provider, for the channel tests.

  channel_sinks.py smtp DIR [--auth USER:PASSWORD]
      An SMTP server (aiosmtpd) on a free loopback port. Every message is written to
      DIR as N.eml (as received) and N.json (parsed with Python's email package:
      envelope, decoded headers, parts). Recipients starting with "reject" get
      "550 5.1.1 ... User unknown".
  channel_sinks.py http DIR
      An HTTP server taking JSON; every request goes to DIR as N.json (method, path,
      headers, body). A body whose "to" ends in 0000000 gets 400 {"error": "invalid
      number"}; others 202 {"id": ...}.

Both print "PORT <n>" on the first line of stdout once listening.
"""
import asyncio
import json
import os
import sys
from email import policy
from email.parser import BytesParser
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def write(folder, name, data, raw=None):
    os.makedirs(folder, exist_ok=True)
    if raw is not None:
        with open(os.path.join(folder, name + '.eml'), 'wb') as f:
            f.write(raw)
    tmp = os.path.join(folder, name + '.tmp')
    with open(tmp, 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False)
    os.replace(tmp, os.path.join(folder, name + '.json'))


def smtp(folder, auth):
    from aiosmtpd.smtp import SMTP, AuthResult

    count = [0]

    class Sink:
        async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
            if address.lower().startswith('reject'):
                return '550 5.1.1 <%s>: Recipient address rejected: User unknown in virtual mailbox table' % address
            envelope.rcpt_tos.append(address)
            return '250 OK'

        async def handle_DATA(self, server, session, envelope):
            count[0] += 1
            raw = envelope.original_content
            msg = BytesParser(policy=policy.default).parsebytes(raw)
            parts = []
            for part in msg.walk():
                if part.is_multipart():
                    continue
                parts.append({'content_type': part.get_content_type(), 'charset': part.get_content_charset(),
                              'transfer_encoding': part.get('Content-Transfer-Encoding', ''), 'body': part.get_content()})
            login = session.auth_data if session.authenticated else None
            data = {'mail_from': envelope.mail_from, 'rcpt_tos': envelope.rcpt_tos, 'auth_login': login,
                    'headers': {k: str(v) for k, v in msg.items()}, 'raw_headers': {k: v for k, v in msg.raw_items()},
                    'content_type': msg.get_content_type(), 'parts': parts,
                    'crlf_only': b'\n' not in raw.replace(b'\r\n', b''),
                    'max_line': max(len(l) for l in raw.split(b'\r\n'))}
            write(folder, '%03d' % count[0], data, raw)
            return '250 2.0.0 Ok: queued as %d' % count[0]

    def authenticator(server, session, envelope, mechanism, auth_data):
        user, password = auth.split(':', 1)
        ok = auth_data.login.decode() == user and auth_data.password.decode() == password
        return AuthResult(success=ok, handled=False, auth_data=auth_data.login.decode() if ok else None)

    async def main():
        loop = asyncio.get_running_loop()
        kwargs = {'auth_require_tls': False}
        if auth:
            kwargs.update(authenticator=authenticator, auth_required=True)
        server = await loop.create_server(lambda: SMTP(Sink(), hostname='sink.local', **kwargs), '127.0.0.1', 0)
        print('PORT %d' % server.sockets[0].getsockname()[1], flush=True)
        await server.serve_forever()

    asyncio.run(main())


def http(folder):
    count = [0]

    class Handler(BaseHTTPRequestHandler):
        def answer(self):
            length = int(self.headers.get('Content-Length') or 0)
            body = self.rfile.read(length).decode('utf-8') if length else ''
            count[0] += 1
            write(folder, '%03d' % count[0], {'method': self.command, 'path': self.path,
                                              'headers': {k.lower(): v for k, v in self.headers.items()}, 'body': body})
            status, reply = 202, {'id': 'prov-%d' % count[0]}
            try:
                if str(json.loads(body).get('to', '')).endswith('0000000'):
                    status, reply = 400, {'error': 'invalid number'}
            except ValueError:
                status, reply = 400, {'error': 'body is not JSON'}
            data = json.dumps(reply).encode()
            self.send_response(status)
            self.send_header('Content-Type', 'application/json')
            self.send_header('Content-Length', str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_POST = do_PUT = do_PATCH = answer

        def do_HEAD(self):
            self.send_response(405)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(('127.0.0.1', 0), Handler)
    print('PORT %d' % server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == '__main__':
    kind, folder = sys.argv[1], sys.argv[2]
    auth = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == '--auth' else None
    smtp(folder, auth) if kind == 'smtp' else http(folder)
