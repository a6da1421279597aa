#!/usr/bin/env bash
# Regenerates the real tool output in this folder. Run as root from this
# folder: it makes two network namespaces joined by a veth pair (198.18.0.0/15
# and 2001:2::/48 only), captures pings between them with tcpdump -w, then
# renders the capture with every tool whose text dump icmplab must read.
# The committed files are the output of this script; tests never run it.
set -euo pipefail
A=icmplab-td-a B=icmplab-td-b
cleanup() { ip netns del $A 2>/dev/null || true; ip netns del $B 2>/dev/null || true; }
trap cleanup EXIT
cleanup
ip netns add $A; ip netns add $B
ip -n $A link add veth0 type veth peer name veth0 netns $B
ip -n $A addr add 198.18.0.1/24 dev veth0; ip -n $B addr add 198.18.0.2/24 dev veth0
ip -n $A addr add 2001:2::1/64 dev veth0 nodad; ip -n $B addr add 2001:2::2/64 dev veth0 nodad
# No link-local addresses and no router solicitations: nothing but the pings.
for n in $A $B; do
  ip netns exec $n sysctl -qw net.ipv6.conf.veth0.addr_gen_mode=1 net.ipv6.conf.veth0.router_solicitations=0
done
ip -n $A link set veth0 up; ip -n $B link set veth0 up
ip -n $A link set lo up; ip -n $B link set lo up
# Static neighbours: the capture holds only the pings.
MACA=$(ip -n $A -br link show veth0 | awk '{print $3}')
MACB=$(ip -n $B -br link show veth0 | awk '{print $3}')
ip -n $A neigh add 198.18.0.2 lladdr "$MACB" dev veth0
ip -n $A neigh add 2001:2::2 lladdr "$MACB" dev veth0
ip -n $B neigh add 198.18.0.1 lladdr "$MACA" dev veth0
ip -n $B neigh add 2001:2::1 lladdr "$MACA" dev veth0
ip netns exec $A tcpdump -q -U -i veth0 -w pings.pcap icmp or icmp6 2>/dev/null &
TD=$!
sleep 1
# "dead" as the payload pattern: the ASCII column then reads "dead", which
# must never be taken for hex. A zero pattern gives repeated lines (od and
# hexdump -C print '*').
ip netns exec $A ping -n -c 1 -p 64656164 198.18.0.2 >/dev/null
ip netns exec $A ping -n -c 1 -s 200 -p 00 198.18.0.2 >/dev/null
ip netns exec $A ping -6 -n -c 1 2001:2::2 >/dev/null
sleep 1
kill $TD; wait $TD 2>/dev/null || true
# A ping in three fragments each way: tshark -x then prints, after the last
# fragment's own bytes, the reassembled datagram as a second data source.
ip netns exec $A tcpdump -q -U -i veth0 -w frag.pcap icmp or 'ip[6:2] & 0x1fff != 0' 2>/dev/null &
TD=$!
sleep 1
ip netns exec $A ping -n -c 1 -s 3000 198.18.0.2 >/dev/null
sleep 1
kill $TD; wait $TD 2>/dev/null || true
tshark -r frag.pcap -x 2>/dev/null > tshark-x-reassembled.txt

# One raw file per packet, and the first packet alone for single-dump tools.
# (a pcap holding one packet, less its 24-byte file header and 16-byte record header)
rm -f pkt*.bin
n=$(tcpdump -n -r pings.pcap 2>/dev/null | wc -l)
for i in $(seq 1 "$n"); do
  editcap -r -F pcap pings.pcap - "$i" | tail -c +41 > "pkt$i.bin"
done

tcpdump -n -r pings.pcap -x  > tcpdump-x.txt  2>/dev/null
tcpdump -n -r pings.pcap -xx > tcpdump-xx.txt 2>/dev/null
tcpdump -n -r pings.pcap -X  > tcpdump-X.txt  2>/dev/null
tcpdump -n -r pings.pcap -XX > tcpdump-XX.txt 2>/dev/null
tcpdump -n -v -tttt -r pings.pcap -XX > tcpdump-XX-v-tttt.txt 2>/dev/null
tshark -r pings.pcap -x 2>/dev/null > tshark-x.txt
# Summary line, dissection tree and bytes, as File > Export Packet
# Dissections > As Plain Text writes them.
tshark -r pings.pcap -P -V -x 2>/dev/null > tshark-PVx.txt
editcap -F k12text pings.pcap k12.txt
xxd pkt1.bin > xxd.txt
xxd -p pkt1.bin > xxd-p.txt
xxd -g1 pkt1.bin > xxd-g1.txt
hexdump -C pkt2.bin > hexdump-C.txt
hexdump pkt1.bin > hexdump.txt
head -c 97 pkt3.bin | hexdump > hexdump-odd.txt
head -c 97 pkt3.bin > pkt3-97.bin
od -Ax -tx1 pkt2.bin > od.txt
od -Ax -tx1 -v pkt2.bin > od-v.txt
od -An -tx1 -v pkt1.bin > od-An.txt
od -tx1 pkt2.bin > od-octal.txt
od -x pkt1.bin > od-x.txt
base64 pkt2.bin > base64.txt
xxd -i pkt1.bin > xxd-i.txt
python3 -c 'import sys; print("pkt =", repr(open("pkt2.bin", "rb").read()))' > python-repr.txt
python3 -c 'import sys; print("pkt = bytes.fromhex(%r)" % open("pkt1.bin", "rb").read().hex(" "))' > python-fromhex.txt
base64 pkt1.bin | tr '+/' '-_' | tr -d '=' > base64url.txt
tcpdump --version 2>&1 | head -1 > VERSIONS
tshark --version 2>/dev/null | head -1 >> VERSIONS || true
xxd --version 2>&1 | head -1 >> VERSIONS
od --version | head -1 >> VERSIONS
