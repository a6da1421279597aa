#!/usr/bin/env bash
# Regenerates the small captures in this folder (run as root, from this
# folder). Real ones come from tcpdump and dumpcap in two network namespaces
# joined by a veth pair (198.18.0.0/15 and 2001:2::/48); gen.py derives the
# variants no tool writes here (big-endian, modified pcap, simple and
# obsolete packet blocks, odd time stamp resolutions). Tests never run it.
set -euo pipefail
A=icmplab-cap-a B=icmplab-cap-b
cleanup() { ip netns del $A 2>/dev/null || true; ip netns del $B 2>/dev/null || true; }
trap cleanup EXIT
cleanup
ip netns add $A; ip netns add $B
ip -n $A link add veth0 type veth peer name veth0 netns $B
for n in $A $B; do
  ip netns exec $n sysctl -qw net.ipv6.conf.veth0.addr_gen_mode=1 net.ipv6.conf.veth0.router_solicitations=0
done
ip -n $A addr add 198.18.0.1/24 dev veth0; ip -n $B addr add 198.18.0.2/24 dev veth0
ip -n $A addr add 2001:2::1/64 dev veth0 nodad; ip -n $B addr add 2001:2::2/64 dev veth0 nodad
ip -n $A link set veth0 up; ip -n $B link set veth0 up; ip -n $A link set lo up
ping_all() {
  ip netns exec $A ping -n -c 2 -i 0.2 198.18.0.2 >/dev/null
  ip netns exec $A ping -6 -n -c 2 -i 0.2 2001:2::2 >/dev/null
  ip netns exec $A ping -n -c 1 127.0.0.1 >/dev/null
}
rm -f *.pcap *.pcapng *.gz
# pcap, microseconds, and pcap, nanoseconds.
ip netns exec $A tcpdump -q -U -i veth0 -w pings.pcap 2>/dev/null & T1=$!
ip netns exec $A tcpdump -q -U -i veth0 --time-stamp-precision=nano -w pings-nano.pcap 2>/dev/null & T2=$!
# pcapng with two interfaces of different link types: the veth (Ethernet)
# and "any" (Linux cooked capture), as dumpcap writes it.
ip netns exec $A dumpcap -q -i veth0 -i any -w two-links.pcapng 2>/dev/null & T3=$!
sleep 2
ping_all
sleep 1
kill $T1 $T2 $T3; wait $T1 $T2 $T3 2>/dev/null || true
python3 gen.py
gzip -9 -n -c two-links.pcapng > two-links.pcapng.gz
gzip -9 -n -c pings.pcap > pings.pcap.gz
