package codec

import (
	"encoding/hex"
	"strings"
)

// mustHex decodes spaced hex as tcpdump and tshark print it; a typo in a
// fixture is a bug in the test, so it panics.
func mustHex(s string) []byte {
	b, err := hex.DecodeString(strings.Join(strings.Fields(s), ""))
	if err != nil {
		panic(err)
	}
	return b
}

// fixture is a whole IP datagram as captured, from the IP header on.
type fixture struct {
	name string
	ip   []byte
}

// fixtures: real datagrams. The cap.pcap ones were captured with tcpdump in
// network namespaces (ping, traceroute -U/-T/-6 through a forwarding
// namespace, ping -M do over a 1400-byte link); the others are copied from
// public captures (file named). Each comment is tshark's line for the frame.
var fixtures = []fixture{
	// cap.pcap frame 2: 198.18.1.2 → 198.18.2.2 ICMP 98 Echo (ping) request id=0x43ca, seq=1/256, ttl=64
	{"v4_echo_request", mustHex(`
		4500 0054 fcdd 4000 4001 aea2 c612 0102 c612 0202 0800 701c 43ca 0001 06b7 096b
		0000 0000 7f32 0500 0000 0000 6162 6364 6162 6364 6162 6364 6162 6364 6162 6364
		6162 6364 6162 6364 6162 6364 6162 6364 6162 6364
	`)},
	// cap.pcap frame 3: 198.18.2.2 → 198.18.1.2 ICMP 98 Echo (ping) reply id=0x43ca, seq=1/256, ttl=63 (request in 2)
	{"v4_echo_reply", mustHex(`
		4500 0054 2d17 0000 3f01 bf69 c612 0202 c612 0102 0000 781c 43ca 0001 06b7 096b
		0000 0000 7f32 0500 0000 0000 6162 6364 6162 6364 6162 6364 6162 6364 6162 6364
		6162 6364 6162 6364 6162 6364 6162 6364 6162 6364
	`)},
	// cap.pcap frame 6: 2001:2:0:1::2 → 2001:2:0:2::2 ICMPv6 118 Echo (ping) request id=0x43cb, seq=1, hop limit=64
	{"v6_echo_request", mustHex(`
		6001 69ba 0040 3a40 2001 0002 0000 0001 0000 0000 0000 0002 2001 0002 0000 0002
		0000 0000 0000 0002 8000 b714 43cb 0001 06b7 096b 0000 0000 70a2 0500 0000 0000
		1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425 2627 2829 2a2b 2c2d 2e2f
		3031 3233 3435 3637
	`)},
	// cap.pcap frame 7: 2001:2:0:2::2 → 2001:2:0:1::2 ICMPv6 118 Echo (ping) reply id=0x43cb, seq=1, hop limit=63 (request in 6)
	{"v6_echo_reply", mustHex(`
		600f 62ef 0040 3a3f 2001 0002 0000 0002 0000 0000 0000 0002 2001 0002 0000 0001
		0000 0000 0000 0002 8100 b614 43cb 0001 06b7 096b 0000 0000 70a2 0500 0000 0000
		1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425 2627 2829 2a2b 2c2d 2e2f
		3031 3233 3435 3637
	`)},
	// cap.pcap frame 8: 198.18.1.1 → 198.18.1.2 ICMP 102 Time-to-live exceeded (Time to live exceeded in transit)
	{"v4_ttl_exceeded_udp", mustHex(`
		45c0 0058 16c5 0000 4001 d4f8 c612 0101 c612 0102 0b00 6298 0000 0000 4500 003c
		4d83 0000 0111 dd05 c612 0102 c612 0202 8b3d 829a 0028 8f62 4041 4243 4445 4647
		4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
	`)},
	// cap.pcap frame 9: 198.18.2.2 → 198.18.1.2 ICMP 102 Destination unreachable (Port unreachable)
	{"v4_port_unreachable", mustHex(`
		45c0 0058 2d1d 0000 3f01 be9f c612 0202 c612 0102 0303 1d35 0000 0000 4500 003c
		b475 0000 0111 7613 c612 0102 c612 0202 d89c 829b 0028 8f62 4041 4243 4445 4647
		4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
	`)},
	// cap.pcap frame 10: 2001:2:0:1::1 → 2001:2:0:1::2 ICMPv6 142 Time Exceeded (hop limit exceeded in transit)
	{"v6_hop_limit_exceeded_udp", mustHex(`
		6005 8071 0058 3a40 2001 0002 0000 0001 0000 0000 0000 0001 2001 0002 0000 0001
		0000 0000 0000 0002 0300 4c2e 0000 0000 600b 291c 0028 1101 2001 0002 0000 0001
		0000 0000 0000 0002 2001 0002 0000 0002 0000 0000 0000 0002 ddc8 829a 0028 4046
		4041 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
	`)},
	// cap.pcap frame 11: 2001:2:0:2::2 → 2001:2:0:1::2 ICMPv6 142 Destination Unreachable (Port unreachable)
	{"v6_port_unreachable", mustHex(`
		600e 6c25 0058 3a3f 2001 0002 0000 0002 0000 0000 0000 0002 2001 0002 0000 0001
		0000 0000 0000 0002 0104 79d0 0000 0000 6000 ed02 0028 1101 2001 0002 0000 0001
		0000 0000 0000 0002 2001 0002 0000 0002 0000 0000 0000 0002 ee43 829b 0028 4046
		4041 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
	`)},
	// cap.pcap frame 12: 198.18.1.1 → 198.18.1.2 ICMP 102 Time-to-live exceeded (Time to live exceeded in transit)
	{"v4_ttl_exceeded_tcp", mustHex(`
		45c0 0058 16d1 0000 4001 d4ec c612 0101 c612 0102 0b00 8457 0000 0000 4500 003c
		6dfa 0000 0106 bc99 c612 0102 c612 0202 c9fb 0050 2258 3d8c 0000 0000 a002 16d0
		ca5a 0000 0204 05b4 0402 080a 617e 4c03 0000 0000 0103 0302
	`)},
	// cap.pcap frame 14: 198.18.1.1 → 198.18.1.2 ICMP 126 Time-to-live exceeded (Time to live exceeded in transit)
	{"v4_ttl_exceeded_echo", mustHex(`
		45c0 0070 16d9 0000 4001 d4cc c612 0101 c612 0102 0b00 f4ff 0000 0000 4500 0054
		fcde 4000 0101 eda1 c612 0102 c612 0202 0800 16cc 43cf 0001 06b7 096b 0000 0000
		c76e 0700 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425 2627
		2829 2a2b 2c2d 2e2f 3031 3233 3435 3637
	`)},
	// cap.pcap frame 16: 2001:2:0:1::1 → 2001:2:0:1::2 ICMPv6 166 Time Exceeded (hop limit exceeded in transit)
	{"v6_hop_limit_exceeded_echo", mustHex(`
		6005 8071 0070 3a40 2001 0002 0000 0001 0000 0000 0000 0001 2001 0002 0000 0001
		0000 0000 0000 0002 0300 b8c7 0000 0000 6001 69ba 0040 3a01 2001 0002 0000 0001
		0000 0000 0000 0002 2001 0002 0000 0002 0000 0000 0000 0002 8000 3764 43d0 0001
		06b7 096b 0000 0000 ed4d 0800 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f
		2021 2223 2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637
	`)},
	// cap.pcap frame 18: 198.18.1.1 → 198.18.1.2 ICMP 590 Destination unreachable (Fragmentation needed)
	{"v4_frag_needed", mustHex(`
		45c0 0240 16e6 0000 4001 d2ef c612 0101 c612 0102 0304 2c88 0000 0578 4500 05c6
		0000 4000 4001 a60e c612 0102 c612 0202 0800 6816 43d1 0001 06b7 096b 0000 0000
		aaa1 0800 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425 2627
		2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f 4041 4243 4445 4647
		4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f 6061 6263 6465 6667
		6869 6a6b 6c6d 6e6f 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f 8081 8283 8485 8687
		8889 8a8b 8c8d 8e8f 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f a0a1 a2a3 a4a5 a6a7
		a8a9 aaab acad aeaf b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf c0c1 c2c3 c4c5 c6c7
		c8c9 cacb cccd cecf d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf e0e1 e2e3 e4e5 e6e7
		e8e9 eaeb eced eeef f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff 0001 0203 0405 0607
		0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425 2627
		2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f 4041 4243 4445 4647
		4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f 6061 6263 6465 6667
		6869 6a6b 6c6d 6e6f 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f 8081 8283 8485 8687
		8889 8a8b 8c8d 8e8f 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f a0a1 a2a3 a4a5 a6a7
		a8a9 aaab acad aeaf b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf c0c1 c2c3 c4c5 c6c7
		c8c9 cacb cccd cecf d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf e0e1 e2e3 e4e5 e6e7
		e8e9 eaeb eced eeef f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff 0001 0203 0405 0607
	`)},
	// cap.pcap frame 20: 2001:2:0:1::1 → 2001:2:0:1::2 ICMPv6 1294 Packet Too Big
	{"v6_packet_too_big", mustHex(`
		6008 3893 04d8 3a40 2001 0002 0000 0001 0000 0000 0000 0001 2001 0002 0000 0001
		0000 0000 0000 0002 0200 a724 0000 0578 6001 69ba 05b2 3a40 2001 0002 0000 0001
		0000 0000 0000 0002 2001 0002 0000 0002 0000 0000 0000 0002 8000 86c6 43d2 0001
		06b7 096b 0000 0000 cdf6 0800 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f
		2021 2223 2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f
		4041 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
		6061 6263 6465 6667 6869 6a6b 6c6d 6e6f 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f
		8081 8283 8485 8687 8889 8a8b 8c8d 8e8f 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f
		a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf
		c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf
		e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff
		0001 0203 0405 0607 0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f
		2021 2223 2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f
		4041 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
		6061 6263 6465 6667 6869 6a6b 6c6d 6e6f 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f
		8081 8283 8485 8687 8889 8a8b 8c8d 8e8f 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f
		a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf
		c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf
		e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff
		0001 0203 0405 0607 0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f
		2021 2223 2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f
		4041 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
		6061 6263 6465 6667 6869 6a6b 6c6d 6e6f 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f
		8081 8283 8485 8687 8889 8a8b 8c8d 8e8f 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f
		a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf
		c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf
		e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff
		0001 0203 0405 0607 0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f
		2021 2223 2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f
		4041 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
		6061 6263 6465 6667 6869 6a6b 6c6d 6e6f 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f
		8081 8283 8485 8687 8889 8a8b 8c8d 8e8f 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f
		a0a1 a2a3 a4a5 a6a7 a8a9 aaab acad aeaf b0b1 b2b3 b4b5 b6b7 b8b9 babb bcbd bebf
		c0c1 c2c3 c4c5 c6c7 c8c9 cacb cccd cecf d0d1 d2d3 d4d5 d6d7 d8d9 dadb dcdd dedf
		e0e1 e2e3 e4e5 e6e7 e8e9 eaeb eced eeef f0f1 f2f3 f4f5 f6f7 f8f9 fafb fcfd feff
		0001 0203 0405 0607 0809 0a0b 0c0d 0e0f 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f
		2021 2223 2425 2627 2829 2a2b 2c2d 2e2f 3031 3233 3435 3637 3839 3a3b 3c3d 3e3f
		4041 4243 4445 4647 4849 4a4b 4c4d 4e4f 5051 5253 5455 5657 5859 5a5b 5c5d 5e5f
		6061 6263 6465 6667 6869 6a6b 6c6d 6e6f 7071 7273 7475 7677 7879 7a7b 7c7d 7e7f
		8081 8283 8485 8687 8889 8a8b 8c8d 8e8f 9091 9293 9495 9697 9899 9a9b 9c9d 9e9f
	`)},
	// cap.pcap frame 22: 198.18.1.1 → 198.18.1.2 ICMP 126 Destination unreachable (Network unreachable)
	{"v4_net_unreachable", mustHex(`
		45c0 0070 16f3 0000 4001 d4b2 c612 0101 c612 0102 0300 fcff 0000 0000 4500 0054
		09d6 4000 4001 9aa3 c612 0102 c612 0909 0800 82c6 43d3 0001 06b7 096b 0000 0000
		5970 0900 0000 0000 1011 1213 1415 1617 1819 1a1b 1c1d 1e1f 2021 2223 2425 2627
		2829 2a2b 2c2d 2e2f 3031 3233 3435 3637
	`)},
	// cap.pcap frame 1: fe80::2c0e:2bff:fe0f:bbb0 → ff02::2 ICMPv6 70 Router Solicitation from 2e:0e:2b:0f:bb:b0
	{"v6_router_solicit", mustHex(`
		6000 0000 0010 3aff fe80 0000 0000 0000 2c0e 2bff fe0f bbb0 ff02 0000 0000 0000
		0000 0000 0000 0002 8500 5592 0000 0000 0101 2e0e 2b0f bbb0
	`)},
	// cap.pcap frame 4: 2001:2:0:1::2 → ff02::1:ff00:1 ICMPv6 86 Neighbor Solicitation for 2001:2:0:1::1 from 2e:0e:2b:0f:bb:b0
	{"v6_neighbor_solicit", mustHex(`
		6000 0000 0020 3aff 2001 0002 0000 0001 0000 0000 0000 0002 ff02 0000 0000 0000
		0000 0001 ff00 0001 8700 24c5 0000 0000 2001 0002 0000 0001 0000 0000 0000 0001
		0101 2e0e 2b0f bbb0
	`)},
	// cap.pcap frame 5: 2001:2:0:1::1 → 2001:2:0:1::2 ICMPv6 86 Neighbor Advertisement 2001:2:0:1::1 (rtr, sol, ovr) is at da:6c:b4:a0:32:a9
	{"v6_neighbor_advert", mustHex(`
		6000 0000 0020 3aff 2001 0002 0000 0001 0000 0000 0000 0001 2001 0002 0000 0001
		0000 0000 0000 0002 8800 73dc e000 0000 2001 0002 0000 0001 0000 0000 0000 0001
		0201 da6c b4a0 32a9
	`)},
	// tcpdump__mpls-traceroute.pcap frame 2: 10.5.0.1 → 12.4.4.4 ICMP 172 Time-to-live exceeded (Time to live exceeded in transit)
	{"v4_ttl_exceeded_mpls", mustHex(`
		4500 00a8 1396 4000 ff01 4db1 0a05 0001 0c04 0404 0b00 cd04 0000 0000 4500 0028
		a54c 0000 0111 f76f 0c04 0404 0c01 0101 a54b 829b 0014 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 2000 c55f
		0008 0101 1896 0101
	`)},
	// tcpdump__icmp-rfc5837.pcap frame 1: 10.4.0.2 → 12.4.4.4 ICMP 244 Time-to-live exceeded (Time to live exceeded in transit)
	{"v4_ttl_exceeded_rfc5837", mustHex(`
		4500 00f0 e720 4000 fe01 7ade 0a04 0002 0c04 0404 0b00 ccff 0000 0000 4500 0028
		a551 0000 0111 f76a 0c04 0404 0c01 0101 a54b 82a0 0014 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 2000 246c
		0050 020e 0000 000f 0001 0000 0a0a 0a0a 4054 6869 732d 6973 2d74 6865 2d6e 616d
		652d 6f66 2d74 6865 2d49 6e74 6572 6661 6365 2d74 6861 742d 7765 2d61 7265 2d6c
		6f6f 6b69 6e67 2d66 6f72 2d5b 3a2d 295d
	`)},
	// ppp__IcmpPackets.pcap frame 5: 10.0.2.1 → 10.0.1.2 ICMP 182 Time-to-live exceeded (Time to live exceeded in transit)
	{"v4_ttl_exceeded_ppp", mustHex(`
		4500 00a8 05fa 0000 fc01 a158 0a00 0201 0a00 0102 0b00 ac2d 0000 0000 4500 001c
		00e5 0000 0211 00d9 0a00 0102 ac10 0002 c01d 82a5 0008 0607 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 0000 2000 7df4
		0008 0101 0001 6101
	`)},
	// ppp__IcmpPackets.pcap frame 2: 10.2.99.99 → 10.2.10.2 ICMP 70 Redirect (Redirect for host)
	{"v4_redirect", mustHex(`
		4500 0038 623d 0000 ff01 d81e 0a02 6363 0a02 0a02 0501 383e 0a02 6362 4500 003c
		3a00 0000 1f01 fcb3 0a02 0a02 0a03 4707 0800 1a5c 0200 3100
	`)},
	// ppp__IcmpPackets.pcap frame 1: 10.1.22.2 → 224.0.0.2 ICMP 64 Router solicitation
	{"v4_router_solicit", mustHex(`
		4500 001c 5f01 0000 8001 dbda 0a01 1602 e000 0002 0a00 f5ff 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0000 0000 54ae 33e8
	`)},
	// ppp__IcmpPackets.pcap frame 3: 192.168.144.2 → 255.255.255.255 ICMP 84 Mobile IP Advertisement (Does not route common traffic)
	{"v4_router_advert_mobileip", mustHex(`
		4500 0046 682f 4000 0101 c0dd c0a8 9002 ffff ffff 0910 8153 0102 00c8 c0a8 9002
		8000 0000 100a 0005 00c8 3000 c0a8 9002 1810 1151 2882 262a 7a60 14c7 5f0e 3197
		4ec8 1301 1800
	`)},
	// ppp__IcmpPackets.pcap frame 4: 14.80.84.66 → 255.255.255.255 ICMP 60 Mobile IP Advertisement (Normal router advertisement)
	{"v4_router_advert", mustHex(`
		4500 0024 a581 0000 0101 b1c6 0e50 5442 ffff ffff 0900 9361 0102 000a 0e50 5442
		0000 0000 0000 0000 0000 0000 0000
	`)},
	// ppp__IcmpPackets.pcap frame 7: 192.168.0.102 → 192.168.0.103 ICMP 54 Timestamp request id=0x3930, seq=0/0, ttl=128
	{"v4_timestamp_request", mustHex(`
		4500 0028 8e00 0000 8001 2ab7 c0a8 0066 c0a8 0067 0d00 9476 3930 0000 00f6 2463
		0000 0000 0000 0000
	`)},
	// ppp__IcmpPackets.pcap frame 8: 192.168.0.103 → 192.168.0.102 ICMP 60 Timestamp reply id=0x3930, seq=0/0, ttl=128
	{"v4_timestamp_reply", mustHex(`
		4500 0028 0f3b 0000 8001 a97c c0a8 0067 c0a8 0066 0e00 e319 3930 0000 00f6 2463
		622d f600 622d f600 0000 0000 0000
	`)},
	// ppp__IcmpPackets.pcap frame 13: 10.0.0.7 → 10.0.0.138 ICMP 70 Source quench (flow control)
	{"v4_source_quench", mustHex(`
		4500 0038 4863 0000 4001 1dd2 0a00 0007 0a00 008a 0400 0c36 0000 0000 4500 001c
		0c80 0000 4006 5e49 0102 0304 0506 0708 0000 0000 0008 efc1
	`)},
	// ppp__IcmpPackets.pcap frame 14: 10.0.0.6 → 173.194.113.82 ICMP 60 Address mask request id=0xb00c, seq=1536/6, ttl=64
	{"v4_mask_request", mustHex(`
		4500 0020 741e 0000 4001 dda4 0a00 0006 adc2 7152 1100 38f3 b00c 0600 0000 0000
		0000 0000 0000 0000 0000 0000 0000
	`)},
	// ppp__IcmpPackets.pcap frame 15: 10.0.0.7 → 10.0.0.4 ICMP 46 Address mask reply id=0xb20c, seq=0/0, ttl=64
	{"v4_mask_reply", mustHex(`
		4500 0020 7ac5 0000 4001 ec0d 0a00 0007 0a00 0004 1200 3bf3 b20c 0000 0000 0000
	`)},
	// pcap4j__IcmpV4InformationRequestPacketTest.pcap frame 1: 192.0.2.1 → 0.0.0.0 ICMP 60 Information request id=0x04d2, seq=4321/57616, ttl=100
	{"v4_info_request", mustHex(`
		4500 001c 0064 0000 6401 947c c000 0201 0000 0000 0f00 db4c 04d2 10e1 0000 0000
		0000 0000 0000 0000 0000 0000 0000
	`)},
	// pcap4j__IcmpV4InformationReplyPacketTest.pcap frame 1: 192.0.2.1 → 192.0.2.2 ICMP 60 Information reply id=0x04d2, seq=4321/57616, ttl=100
	{"v4_info_reply", mustHex(`
		4500 001c 0064 0000 6401 d279 c000 0201 c000 0202 1000 da4c 04d2 10e1 0000 0000
		0000 0000 0000 0000 0000 0000 0000
	`)},
	// pcap4j__IcmpV4ParameterProblemPacketTest.pcap frame 1: 192.0.2.1 → 192.0.2.2 ICMP 70 Parameter problem (Pointer indicates the error)
	{"v4_param_problem", mustHex(`
		4500 0038 0064 0000 6401 d25d c000 0201 c000 0202 0c00 79bf 7b00 0141 4500 001f
		0064 0000 6401 d276 c000 0202 c000 0201 0800 f590 0064 000a
	`)},
	// tcpdump__icmp-rfc8335.pcap frame 1: 204.194.23.128 → 149.28.74.237 ICMP 62 Extended Echo request (No error)
	{"v4_ext_echo_request_name", mustHex(`
		4500 0030 29a3 0000 3601 96de ccc2 1780 951c 4aed 2a00 6314 f6ea 0001 2000 dcf4
		0008 0302 0000 0001 6593 3a33 000d dc2b
	`)},
	// tcpdump__icmp-rfc8335.pcap frame 5: 149.28.74.237 → 204.194.23.128 ICMP 66 Extended Echo request (No error)
	{"v4_ext_echo_request_addr", mustHex(`
		4500 0034 0001 0000 4001 b67c 951c 4aed ccc2 1780 2a00 b5d4 002a 2a01 2000 d819
		000c 0301 6678 7030 2e30 0000 6583 6297 0002 2de3
	`)},
	// tcpdump__icmp-rfc8335.pcap frame 6: 204.194.23.128 → 149.28.74.237 ICMP 66 Extended Echo reply (No error)
	{"v4_ext_echo_reply", mustHex(`
		4500 0034 f75c 4000 f501 ca1f ccc2 1780 951c 4aed 2b00 b4ce 002a 2a07 2000 d819
		000c 0301 6678 7030 2e30 0000 6583 6297 0002 2de3
	`)},
	// tcpdump__icmp-rfc8335.pcap frame 9: 149.28.74.237 → 204.194.23.128 ICMP 62 Extended Echo request (No error)
	{"v4_ext_echo_request_index", mustHex(`
		4500 0030 0001 0000 4001 b680 951c 4aed ccc2 1780 2a00 b5d4 002a 2a01 2000 dccb
		0008 0302 0000 002a 6583 6297 0002 2de3
	`)},
	// tcpdump__icmp-rfc8335.pcap frame 10: 204.194.23.128 → 149.28.74.237 ICMP 62 Extended Echo reply (No Such Interface)
	{"v4_ext_echo_reply_nosuch", mustHex(`
		4500 0030 fd99 4000 f501 c3e6 ccc2 1780 951c 4aed 2b02 b4d3 002a 2a00 2000 dccb
		0008 0302 0000 002a 6583 6297 0002 2de3
	`)},
	// tcpdump__icmp6-rfc8335.pcap frame 1: fdfd:5c41:712d:d05a:d0dd:22ff:feac:5c6b → fdfd:5c41:712d:d0aa:225:90ff:fea8:8686 ICMPv6 82 Extended Echo request (No error)
	{"v6_ext_echo_request", mustHex(`
		600f 260b 001c 3aff fdfd 5c41 712d d05a d0dd 22ff feac 5c6b fdfd 5c41 712d d0aa
		0225 90ff fea8 8686 a000 9844 fb61 0001 2000 dcf4 0008 0302 0000 0001 000b ad1e
		7fc0 ffee
	`)},
	// tcpdump__icmp6-rfc8335.pcap frame 2: fdfd:5c41:712d:d0aa:225:90ff:fea8:8686 → fdfd:5c41:712d:d05a:d0dd:22ff:feac:5c6b ICMPv6 82 Extended Echo reply (No error)
	{"v6_ext_echo_reply", mustHex(`
		6006 18d4 001c 3a3b fdfd 5c41 712d d0aa 0225 90ff fea8 8686 fdfd 5c41 712d d05a
		d0dd 22ff feac 5c6b a100 973e fb61 0007 2000 dcf4 0008 0302 0000 0001 000b ad1e
		7fc0 ffee
	`)},
	// tcpdump__icmpv6.pcap frame 1: fe80::b299:28ff:fec8:d66c → ff02::1 ICMPv6 230 Router Advertisement from b0:99:28:c8:d6:6c
	{"v6_router_advert", mustHex(`
		6000 0000 00b0 3aff fe80 0000 0000 0000 b299 28ff fec8 d66c ff02 0000 0000 0000
		0000 0000 0000 0001 8600 2401 4020 000f 0000 0000 0000 0000 0304 48c0 0027 8d00
		0009 3a80 0000 0000 2222 3333 4444 5555 6600 0000 0000 0000 1905 0000 0000 0005
		abcd 0000 0000 0000 0000 0000 0000 efef 1234 5678 0000 0000 0000 0000 0000 0001
		1f07 0000 0000 0005 0765 7861 6d70 6c65 0363 6f6d 0007 6578 616d 706c 6503 6f72
		6700 0464 6f6d 3104 646f 6d32 0374 6c64 0000 0000 0000 0000 0501 0000 0000 0064
		0101 b099 28c8 d66c 0701 0000 0000 1388 0801 0000 c351 000f
	`)},
	// tcpdump__icmpv6.pcap frame 4: fe80::215:17ff:fecc:e546 → ff02::16 ICMPv6 150 Multicast Listener Report Message v2
	{"v6_mldv2_report", mustHex(`
		6000 0000 0060 0001 fe80 0000 0000 0000 0215 17ff fecc e546 ff02 0000 0000 0000
		0000 0000 0000 0016 3a00 0502 0000 0100 8f00 2a0e 0000 0004 0200 0000 ff02 0000
		0000 0000 0000 0db8 1122 3344 0200 0000 ff02 0000 0000 0000 0000 0001 ffcc e546
		0200 0000 ff02 0000 0000 0000 0000 0001 ffa7 10ad 0200 0000 ff02 0000 0000 0000
		0000 0001 ff00 0002
	`)},
	// tcpdump__icmpv6.pcap frame 3: fe80::b2a8:6eff:fe0c:d4e8 → ff02::1 ICMPv6 90 Multicast Listener Query
	{"v6_mldv2_query", mustHex(`
		6000 0000 0024 0001 fe80 0000 0000 0000 b2a8 6eff fe0c d4e8 ff02 0000 0000 0000
		0000 0000 0000 0001 3a00 0502 0000 0100 8200 623a 2710 0000 0000 0000 0000 0000
		0000 0000 0000 0000 023c 0000
	`)},
	// zeek__icmp6-mld-query.pcap frame 1: 2001:db8::527:cdf4 → ff02::1 ICMPv6 72 Multicast Listener Query
	{"v6_mldv1_query", mustHex(`
		6000 0000 0020 0001 2001 0db8 0000 0000 0000 0000 0527 cdf4 ff02 0000 0000 0000
		0000 0000 0000 0001 3a00 0502 0000 0100 8200 56c4 2710 0000 0000 0000 0000 0000
		0000 0000 0000 0000
	`)},
	// zeek__icmp6-mldv1.pcap frame 1: fe80::1c8c:7488:34cf:cbdb → ff02::1:ff9a:3b7c ICMPv6 78 Multicast Listener Report
	{"v6_mldv1_report", mustHex(`
		6000 0000 0018 3a01 fe80 0000 0000 0000 1c8c 7488 34cf cbdb ff02 0000 0000 0000
		0000 0001 ff9a 3b7c 8300 7836 0000 0000 ff02 0000 0000 0000 0000 0001 ff9a 3b7c
	`)},
	// zeek__icmp6-mldv1.pcap frame 2: fe80::1c8c:7488:34cf:cbdb → ff02::1:ff9a:3b7c ICMPv6 78 Multicast Listener Done
	{"v6_mldv1_done", mustHex(`
		6000 0000 0018 3a01 fe80 0000 0000 0000 1c8c 7488 34cf cbdb ff02 0000 0000 0000
		0000 0001 ff9a 3b7c 8400 7736 0000 0000 ff02 0000 0000 0000 0000 0001 ff9a 3b7c
	`)},
	// zeek__icmp6-redirect.pcap frame 1: fe80::dead → fe80::beef ICMPv6 94 Redirect
	{"v6_redirect", mustHex(`
		6000 0000 0028 3aff fe80 0000 0000 0000 0000 0000 0000 dead fe80 0000 0000 0000
		0000 0000 0000 beef 8900 593e 0000 0000 fe80 0000 0000 0000 0000 0000 0000 cafe
		fe80 0000 0000 0000 0000 0000 0000 babe
	`)},
	// tcpdump__icmpv6_nodeinfo_queryipv6.pcap frame 1: ::1 → ::1 ICMPv6 72 Node Information Query (Query subject = IPv6 addresses)
	{"v6_nodeinfo_query", mustHex(`
		6000 0000 0020 3a40 0000 0000 0000 0000 0000 0000 0000 0001 0000 0000 0000 0000
		0000 0000 0000 0001 8b00 0725 0003 0002 6c60 3ded ca75 cafb 2001 0db8 0000 0000
		0000 0000 0000 0001
	`)},
	// tcpdump__icmpv6_nodeinfo_replyipv6.pcap frame 1: ::1 → ::1 ICMPv6 116 Node Information Reply (Successful)
	{"v6_nodeinfo_reply", mustHex(`
		6000 0000 004c 3a40 0000 0000 0000 0000 0000 0000 0000 0001 0000 0000 0000 0000
		0000 0000 0000 0001 8c00 4a14 0003 0002 6e0a 44c1 688e b28d 0000 0000 0000 0000
		0000 0000 0000 0000 0000 0001 0000 0000 2001 0db8 0000 0000 0000 0000 0000 0001
		0000 0000 2002 0db8 0000 0000 0000 0000 0000 0001
	`)},
	// pcap4j__IcmpV6DestinationUnreachablePacketTest.pcap frame 1: 2001:db8::3:2:2 → 2001:db8::3:2:1 ICMPv6 113 Destination Unreachable (Port unreachable)
	{"v6_port_unreachable_pcap4j", mustHex(`
		6121 2345 003b 3a64 2001 0db8 0000 0000 0000 0003 0002 0002 2001 0db8 0000 0000
		0000 0003 0002 0001 0104 b43d 0000 3039 6121 2345 000b 3a64 2001 0db8 0000 0000
		0000 0003 0002 0001 2001 0db8 0000 0000 0000 0003 0002 0002 8000 21cc 0064 000a
		0001 02
	`)},
	// Types the codec has no view for: they parse as KindRaw and round-trip as RawBody.
	// pcap4j__IcmpV6MobilePrefixAdvertisementPacketTest.pcap frame 1: 2001:db8::3:2:1 → 2001:db8::3:2:2 ICMPv6 110 Mobile Prefix Advertisement from ff:00:00:01:02:03
	{"v6_mobile_prefix_advert_raw", mustHex(`
		6121 2345 0038 3a64 2001 0db8 0000 0000 0000 0003 0002 0001 2001 0db8 0000 0000
		0000 0003 0002 0002 9300 2441 04d2 800a 0101 ff00 0001 0203 0501 ffde 0098 967f
		0304 6096 0021 e88e 2e5b f271 483f 807c 2001 0db8 0000 0000 aaaa bbbb 0000 0000
	`)},
	// tcpdump__rpl-14-dao.pcap frame 1: fe80::216:3eff:fe11:3424 → ff02::1 ICMPv6 78 RPL Control (Destination Advertisement Object)
	{"v6_rpl_dao_raw", mustHex(`
		6000 0000 0018 3a40 fe80 0000 0000 0000 0216 3eff fe11 3424 ff02 0000 0000 0000
		0000 0000 0000 0001 9b02 398d 0140 0001 7061 6e64 6f72 6120 6973 2066 756e 0a6c
	`)},
	// tcpdump__icmpv6-RFC2894-RR.pcap frame 1: 2001:db8:1:0:a00:27ff:fef4:4dcf → 2001:db8:1:0:a00:27ff:fef4:4dcf ICMPv6 116 Router Renumbering (Command)
	{"v6_router_renumbering_raw", mustHex(`
		6000 0000 0048 3a40 2001 0db8 0001 0000 0a00 27ff fef4 4dcf 2001 0db8 0001 0000
		0a00 27ff fef4 4dcf 8a00 df3a 0000 0000 0010 0000 0000 0000 0107 0030 0080 0000
		fec0 0000 0000 0000 0000 0000 0000 0000 3010 0000 0027 8d00 0009 3a80 0000 0000
		3ffe 0501 fffe 0000 0000 0000 0000 0000
	`)},
}
