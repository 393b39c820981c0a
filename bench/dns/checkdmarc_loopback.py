"""Runs checkdmarc against one DNS server on loopback, and nowhere else.

    checkdmarc_loopback.py HOST:PORT [checkdmarc arguments...]

checkdmarc takes nameserver addresses but not ports, and asks port 53. This
wrapper points every dnspython resolver and every direct dns.query call at
HOST:PORT, then refuses any socket that would leave 127.0.0.0/8 (and any
host name lookup through the system), so that a benchmark run can neither
query real DNS nor fetch from the internet. A refused connection surfaces
in checkdmarc's output as the error it would meet offline.
"""

import ipaddress
import socket
import sys

import dns.query
import dns.resolver


def loopback(addr):
    try:
        return ipaddress.ip_address(addr).is_loopback
    except ValueError:
        return False


def main():
    if len(sys.argv) < 2 or ":" not in sys.argv[1]:
        sys.stderr.write(__doc__)
        return 2
    host, port = sys.argv[1].rsplit(":", 1)
    port = int(port)
    if not loopback(host):
        sys.stderr.write("%s: not a loopback address\n" % host)
        return 2

    # dnspython: every Resolver asks only HOST:PORT.
    init = dns.resolver.Resolver.__init__

    def resolver_init(self, *args, **kwargs):
        kwargs["configure"] = False
        init(self, *args, **kwargs)
        self.nameservers = [host]
        self.port = port

    dns.resolver.Resolver.__init__ = resolver_init
    dns.resolver.reset_default_resolver()

    # Direct queries (checkdmarc's DNSSEC test) go to HOST:PORT too.
    def forced(query):
        def call(q, where, *args, **kwargs):
            kwargs["port"] = port
            return query(q, host, *args, **kwargs)

        return call

    dns.query.udp = forced(dns.query.udp)
    dns.query.tcp = forced(dns.query.tcp)

    # Nothing leaves loopback: no name lookups through the system, no
    # connection or datagram to another address.
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(name, *args, **kwargs):
        if name is not None and not loopback(name) and name != "localhost":
            raise socket.gaierror(socket.EAI_NONAME, "offline benchmark: %s" % name)
        return real_getaddrinfo(name, *args, **kwargs)

    socket.getaddrinfo = getaddrinfo

    class Socket(socket.socket):
        def _check(self, address):
            if self.family in (socket.AF_INET, socket.AF_INET6) and not loopback(address[0]):
                raise ConnectionRefusedError("offline benchmark: %s" % (address[0],))

        def connect(self, address):
            self._check(address)
            return super().connect(address)

        def connect_ex(self, address):
            self._check(address)
            return super().connect_ex(address)

        def sendto(self, data, *args):
            self._check(args[-1])
            return super().sendto(data, *args)

    socket.socket = Socket

    from checkdmarc._cli import _main

    sys.argv = ["checkdmarc"] + sys.argv[2:]
    return _main()


if __name__ == "__main__":
    sys.exit(main())
