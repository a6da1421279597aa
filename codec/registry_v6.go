package codec

import "sync"

// ICMPv6 registry: every type and code of IANA's "Internet Control Message
// Protocol version 6 (ICMPv6) Parameters" (as updated 2025), plus the RPL
// control codes of type 155, which IANA keeps in the RPL registry.
//
// Types 0-127 are errors and 128-255 informational (RFC 4443 2.1): the error
// bit is the type's top bit, so every entry below 128 has IsError set, even the
// reserved and private-experimentation ones. Code names keep IANA's spelling,
// which for the RFC 4443 errors is lower case ("port unreachable"). Numbers IANA
// lists as Unassigned (5-99, 102-126, 162-199, 202-254) have no entry.

const (
	rfc4443 = "RFC 4443"
	rfc4861 = "RFC 4861"
	rfc8883 = "RFC 8883"
	rfc6550 = "RFC 6550"
)

// registryV6 is the table by type number, built on first use: a page that
// shows an IPv6 packet never builds the other family's (README, "Start-up").
var registryV6 = sync.OnceValue(func() *[256]*TypeInfo {
	tab := registryIndex(IPv6, registryV6Entries())
	return &tab
})

// registryV6Entries is the list the table indexes, made once.
var registryV6Entries = sync.OnceValue(func() []TypeInfo {
	return []TypeInfo{
		errorEntry(0, nm("Reserved", "예약됨"), "IANA", StatusReserved, enko(
			"Type 0 is reserved and never sent.",
			"타입 0은 예약되어 있으며 보내지 않는다.")),

		errorEntry(ICMPv6DestinationUnreachable, nm("Destination Unreachable", "목적지 도달 불가능"), rfc4443, StatusCurrent, enko(
			"A router or the destination could not deliver a packet and tells its source why; the code says what failed. Like ICMPv4 type 3, but an ICMPv6 error quotes as much of the offending packet as fits in the minimum IPv6 MTU of 1280 bytes, not just the header and 8 bytes.",
			"라우터나 목적지가 패킷을 전달할 수 없을 때 출발지에 그 이유를 알려주는 오류 메시지로, 코드가 무엇이 실패했는지를 말해준다. ICMPv4 타입 3과 같지만, ICMPv6 오류는 헤더와 8바이트만이 아니라 IPv6 최소 MTU인 1280바이트에 들어가는 만큼 원래 패킷을 인용한다."),
			codeEntry(Code6NoRoute, nm("no route to destination", "목적지로 가는 경로 없음"), "", enko(
				"A router has no route towards the destination, the IPv6 counterpart of ICMPv4 'net unreachable'.",
				"라우터에 목적지로 가는 경로가 없다는 뜻으로, ICMPv4의 '네트워크 도달 불가능'에 해당한다.")),
			codeEntry(Code6AdminProhibited, nm("communication with destination administratively prohibited", "목적지와의 통신이 관리상 금지됨"), "", enko(
				"A firewall or router policy blocked the packet on purpose (for example ip6tables' REJECT), instead of dropping it silently.",
				"방화벽이나 라우터 정책(예: ip6tables의 REJECT)이 조용히 버리는 대신 의도적으로 패킷을 막았다는 뜻이다.")),
			codeEntry(Code6BeyondScope, nm("beyond scope of source address", "출발지 주소의 범위(scope)를 벗어남"), "", enko(
				"The destination lies outside the scope of the source address, e.g. a link-local source sending to another link.",
				"목적지가 출발지 주소의 범위 밖에 있다는 뜻으로, 예를 들어 링크 로컬 출발지 주소로 다른 링크에 보내려 한 경우이다.")),
			codeEntry(Code6AddressUnreachable, nm("address unreachable", "주소 도달 불가능"), "", enko(
				"The last router could not reach the destination address, typically because Neighbor Discovery got no answer: the host is down or the address unused. The counterpart of ICMPv4 'host unreachable'.",
				"마지막 라우터가 목적지 주소에 도달할 수 없었다는 뜻으로, 보통 이웃 탐색(ND)에 응답이 없을 때, 즉 호스트가 꺼져 있거나 주소를 쓰는 호스트가 없을 때 생긴다. ICMPv4의 '호스트 도달 불가능'에 해당한다.")),
			codeEntry(Code6PortUnreachable, nm("port unreachable", "포트 도달 불가능"), "", enko(
				"No program listens on the destination UDP port. As with ICMPv4 3/3, traceroute6 stops when its UDP probe to an unlikely port draws this from the destination.",
				"목적지 UDP 포트에서 기다리는 프로그램이 없다는 뜻이다. ICMPv4의 3/3처럼, traceroute6는 없을 것 같은 포트로 보낸 UDP 탐색 패킷에 목적지가 이 메시지로 답하면 멈춘다.")),
			codeEntry(Code6SourcePolicyFailed, nm("source address failed ingress/egress policy", "출발지 주소가 진입/진출(ingress/egress) 정책을 통과하지 못함"), "", enko(
				"The packet's source address is not allowed here, e.g. by ingress filtering against spoofed sources.",
				"패킷의 출발지 주소가 여기서 허용되지 않는다는 뜻으로, 예를 들어 위조된 출발지를 막는 인그레스 필터링에 걸린 경우이다.")),
			codeEntry(Code6RejectRoute, nm("reject route to destination", "목적지로의 거부 경로(reject route)"), "", enko(
				"The router has a route for this destination that is configured to reject packets.",
				"라우터에 이 목적지로 가는 경로가 패킷을 거부하도록 설정되어 있다는 뜻이다.")),
			codeEntry(Code6SourceRoutingHeader, nm("Error in Source Routing Header", "소스 라우팅 헤더 오류"), "RFC 6550, RFC 6554", enko(
				"A source routing header (as used by RPL in low-power networks) could not be followed.",
				"저전력 네트워크의 RPL 등이 쓰는 소스 라우팅 헤더를 따를 수 없었다는 뜻이다.")),
			codeEntry(Code6HeadersTooLong, nm("Headers too long", "헤더가 너무 김"), rfc8883, enko(
				"The header chain is longer than the node is willing to process.",
				"헤더 체인이 노드가 처리하려는 길이보다 길다는 뜻이다.")),
			codeEntry(9, nm("Error in P-Route", "투영 경로(P-Route) 오류"), "draft-ietf-roll-dao-projection-40", enko(
				"A projected route installed by a RPL root is broken at this node.",
				"RPL 루트가 설치한 투영 경로(P-Route)가 이 노드에서 끊어졌다는 뜻이다.")),
		),

		errorEntry(ICMPv6PacketTooBig, nm("Packet Too Big", "패킷이 너무 큼 (Packet Too Big)"), rfc4443, StatusCurrent, enko(
			"IPv6 routers never fragment: when a packet is larger than the next link's MTU, the router drops it and sends this message back with that MTU. Only the source fragments, so Path MTU Discovery depends on it, and a firewall that filters it breaks connections that send large packets. It is the IPv6 counterpart of ICMPv4 3/4 (fragmentation needed).",
			"IPv6 라우터는 단편화를 하지 않는다. 패킷이 다음 링크의 MTU보다 크면 라우터는 패킷을 폐기하고 그 MTU 값을 담아 이 메시지를 돌려보낸다. 단편화는 출발지만 하므로 경로 MTU 발견(PMTUD)은 이 메시지에 의존하고, 방화벽이 이를 걸러내면 큰 패킷을 보내는 연결이 끊긴다. ICMPv4 3/4(단편화 필요)에 해당한다.")),

		errorEntry(ICMPv6TimeExceeded, nm("Time Exceeded", "시간 초과"), rfc4443, StatusCurrent, enko(
			"A packet was discarded because it ran out of time: its hop limit (IPv6's TTL) reached zero at a router (code 0), or its fragments could not be reassembled in time (code 1).",
			"패킷이 시간을 다 써서 폐기되었음을 알리는 오류 메시지이다. 라우터에서 홉 제한(IPv6의 TTL)이 0이 되었거나(코드 0), 단편을 제시간에 재조립하지 못했다(코드 1)."),
			codeEntry(CodeTTLExceeded, nm("hop limit exceeded in transit", "전송 중 홉 제한(hop limit) 초과"), "", enko(
				"The router that decremented the hop limit to zero dropped the packet and reports it from its own address. traceroute6 sends probes with hop limit 1, 2, 3, ... and learns each router on the path from these replies, exactly as IPv4 traceroute does with TTL.",
				"홉 제한을 0으로 만든 라우터가 패킷을 폐기하고 자신의 주소로 이를 알린다는 뜻이다. traceroute6는 홉 제한을 1, 2, 3, … 으로 늘려 가며 탐색 패킷을 보내고, 이 메시지로 경로상의 라우터를 하나씩 알아낸다. IPv4 traceroute가 TTL로 하는 것과 똑같다.")),
			codeEntry(CodeReassemblyExceeded, nm("fragment reassembly time exceeded", "단편 재조립 시간 초과"), "", enko(
				"The destination received some fragments of a packet but not all before its reassembly timer ran out.",
				"목적지가 패킷의 단편 일부만 받고 재조립 타이머가 만료될 때까지 나머지를 받지 못했다는 뜻이다.")),
		),

		errorEntry(ICMPv6ParameterProblem, nm("Parameter Problem", "매개변수 문제"), rfc4443, StatusCurrent, enko(
			"A node could not process a field of the IPv6 header or an extension header and dropped the packet. The 32-bit pointer gives the byte offset of the problem within the quoted packet, and the code says what kind of problem it is.",
			"노드가 IPv6 헤더나 확장 헤더의 필드를 처리할 수 없어 패킷을 폐기했다는 오류 메시지이다. 32비트 포인터가 인용된 패킷 안에서 문제가 있는 바이트 위치를 가리키고, 코드가 문제의 종류를 말해준다."),
			codeEntry(0, nm("erroneous header field encountered", "잘못된 헤더 필드 발견"), "", enko(
				"A header field holds a value the node cannot accept; the pointer shows which.",
				"헤더 필드에 노드가 받아들일 수 없는 값이 있다는 뜻으로, 포인터가 어느 필드인지 보여준다.")),
			codeEntry(1, nm("unrecognized Next Header type encountered", "인식할 수 없는 다음 헤더(Next Header) 유형 발견"), "", enko(
				"A Next Header value names a header or protocol the node does not know.",
				"Next Header 값이 노드가 모르는 헤더나 프로토콜을 가리킨다는 뜻이다.")),
			codeEntry(2, nm("unrecognized IPv6 option encountered", "인식할 수 없는 IPv6 옵션 발견"), "", enko(
				"An option in a hop-by-hop or destination options header is unknown and its type says to report it.",
				"홉별 옵션이나 목적지 옵션 헤더의 옵션을 알 수 없고, 그 옵션 타입이 이를 보고하라고 지시한다는 뜻이다.")),
			codeEntry(3, nm("IPv6 First Fragment has incomplete IPv6 Header Chain", "IPv6 첫 단편의 헤더 체인이 불완전함"), "RFC 7112", enko(
				"The first fragment does not contain the whole header chain up to the upper-layer header, which firewalls need to inspect it.",
				"첫 번째 단편에 상위 계층 헤더까지의 전체 헤더 체인이 들어 있지 않다는 뜻으로, 방화벽이 검사하려면 이것이 필요하다.")),
			codeEntry(4, nm("SR Upper-layer Header Error", "SR 상위 계층 헤더 오류"), "RFC 8754", enko(
				"A segment-routing endpoint found an upper-layer header it cannot process.",
				"세그먼트 라우팅 끝점이 처리할 수 없는 상위 계층 헤더를 만났다는 뜻이다.")),
			codeEntry(5, nm("Unrecognized Next Header type encountered by intermediate node", "중간 노드가 인식할 수 없는 다음 헤더(Next Header) 유형 발견"), rfc8883, enko(
				"A router on the path, not the destination, met a Next Header value it does not recognise.",
				"목적지가 아닌 경로상의 라우터가 알 수 없는 Next Header 값을 만났다는 뜻이다.")),
			codeEntry(6, nm("Extension header too big", "확장 헤더가 너무 큼"), rfc8883, enko(
				"An extension header exceeds the size the node accepts.",
				"확장 헤더가 노드가 받아들이는 크기를 넘는다는 뜻이다.")),
			codeEntry(7, nm("Extension header chain too long", "확장 헤더 체인이 너무 김"), rfc8883, enko(
				"The chain of extension headers is longer than the node accepts.",
				"확장 헤더 체인이 노드가 받아들이는 길이보다 길다는 뜻이다.")),
			codeEntry(8, nm("Too many extension headers", "확장 헤더가 너무 많음"), rfc8883, enko(
				"The packet carries more extension headers than the node accepts.",
				"패킷의 확장 헤더 개수가 노드가 받아들이는 수보다 많다는 뜻이다.")),
			codeEntry(9, nm("Too many options in extension header", "확장 헤더의 옵션이 너무 많음"), rfc8883, enko(
				"An options header carries more options than the node accepts.",
				"옵션 헤더의 옵션 개수가 노드가 받아들이는 수보다 많다는 뜻이다.")),
			codeEntry(10, nm("Option too big", "옵션이 너무 큼"), rfc8883, enko(
				"An option is larger than the node accepts.",
				"옵션 하나가 노드가 받아들이는 크기보다 크다는 뜻이다.")),
		),

		errorEntry(100, nm("Private experimentation", "사설 실험용"), rfc4443, StatusExperimental, enko(
			"Free for private experiments with error messages; never seen on the open Internet.",
			"오류 메시지에 대한 사설 실험용 번호로, 공개 인터넷에서는 볼 수 없다.")),
		errorEntry(101, nm("Private experimentation", "사설 실험용"), rfc4443, StatusExperimental, enko(
			"The second number free for private experiments with error messages.",
			"오류 메시지에 대한 사설 실험을 위한 두 번째 번호이다.")),
		errorEntry(127, nm("Reserved for expansion of ICMPv6 error messages", "ICMPv6 오류 메시지 확장용 예약"), rfc4443, StatusReserved, enko(
			"Kept back so the error range can be extended one day.",
			"언젠가 오류 메시지 범위를 확장할 수 있도록 남겨 둔 번호이다.")),

		typeEntry(ICMPv6EchoRequest, nm("Echo Request", "에코 요청"), rfc4443, StatusCurrent, enko(
			"What ping (ping -6) sends: the IPv6 counterpart of ICMPv4 type 8. It carries an identifier, a sequence number and data that the destination copies into its Echo Reply, so each reply can be matched to its request and timed. Unlike ICMPv4, the checksum also covers a pseudo-header with the IPv6 source and destination addresses.",
			"ping(ping -6)이 보내는 메시지로, ICMPv4 타입 8에 해당한다. 식별자, 순서 번호, 데이터를 담고 있고 목적지가 이를 에코 응답에 그대로 복사하므로 각 응답을 요청과 짝지어 시간을 잴 수 있다. ICMPv4와 달리 체크섬이 IPv6 출발지·목적지 주소를 담은 의사 헤더(pseudo-header)까지 포함한다.")),
		typeEntry(ICMPv6EchoReply, nm("Echo Reply", "에코 응답"), rfc4443, StatusCurrent, enko(
			"The answer to an Echo Request, the IPv6 counterpart of ICMPv4 type 0: same identifier, sequence number and data as the request. Like in IPv4, the kernel answers it.",
			"에코 요청에 대한 응답으로 ICMPv4 타입 0에 해당하며, 요청과 같은 식별자, 순서 번호, 데이터를 담는다. IPv4처럼 커널이 직접 응답한다.")),

		typeEntry(ICMPv6MLDQuery, nm("Multicast Listener Query", "멀티캐스트 수신자 질의 (MLD Query)"), "RFC 2710", StatusCurrent, enko(
			"Multicast Listener Discovery (MLD) is IPv6's IGMP: a router sends this query to learn which multicast groups have listeners on the link, either all groups (general query) or one (group-specific). Switches snoop MLD to send multicast only to ports that want it.",
			"멀티캐스트 수신자 발견(MLD)은 IPv6의 IGMP이다. 라우터는 이 질의를 보내 링크에 어떤 멀티캐스트 그룹의 수신자가 있는지 알아내며, 모든 그룹(일반 질의)이나 한 그룹(그룹별 질의)에 대해 묻는다. 스위치는 MLD를 엿들어(snooping) 멀티캐스트를 원하는 포트에만 보낸다.")),
		typeEntry(ICMPv6MLDReport, nm("Multicast Listener Report", "멀티캐스트 수신자 보고 (MLD Report)"), "RFC 2710", StatusCurrent, enko(
			"An MLDv1 report: a host says it listens to a multicast group, in answer to a query or when it joins. Every IPv6 host joins the solicited-node groups that Neighbor Discovery needs, so these appear even on quiet links.",
			"MLDv1 보고: 호스트가 질의에 대한 응답으로, 또는 그룹에 가입할 때 자신이 그 멀티캐스트 그룹을 수신한다고 알린다. 모든 IPv6 호스트는 이웃 탐색에 필요한 요청 노드(solicited-node) 그룹에 가입하므로 조용한 링크에서도 이 메시지가 보인다.")),
		typeEntry(ICMPv6MLDDone, nm("Multicast Listener Done", "멀티캐스트 수신자 종료 (MLD Done)"), "RFC 2710", StatusCurrent, enko(
			"An MLDv1 host leaving a multicast group tells the routers, so they can stop forwarding that group if nobody else listens.",
			"MLDv1 호스트가 멀티캐스트 그룹을 떠날 때 라우터에 알리는 메시지로, 다른 수신자가 없으면 라우터는 그 그룹의 전달을 멈출 수 있다.")),

		typeEntry(ICMPv6RouterSolicitation, nm("Router Solicitation", "라우터 요청"), rfc4861, StatusCurrent, enko(
			"Neighbor Discovery (NDP): a host that has just come up asks all routers on the link (ff02::2) to send a Router Advertisement now, instead of waiting for the next periodic one. It is the IPv6 counterpart of ICMPv4 type 10.",
			"이웃 탐색(NDP): 막 올라온 호스트가 링크의 모든 라우터(ff02::2)에게 다음 주기적 광고를 기다리지 않고 지금 라우터 광고를 보내 달라고 요청한다. ICMPv4 타입 10에 해당한다.")),
		typeEntry(ICMPv6RouterAdvertisement, nm("Router Advertisement", "라우터 광고"), rfc4861, StatusCurrent, enko(
			"Neighbor Discovery: a router announces itself as a default gateway and hands out the link's configuration: prefixes (from which hosts build their own addresses with SLAAC), hop limit, MTU, DNS servers, and flags saying whether to use DHCPv6. Hosts on an IPv6 link get most of their setup from this one message.",
			"이웃 탐색: 라우터가 자신을 기본 게이트웨이로 알리면서 링크의 설정을 나눠 준다. 프리픽스(호스트는 이를 이용해 SLAAC로 자신의 주소를 만든다), 홉 제한, MTU, DNS 서버, DHCPv6를 쓸지 알려주는 플래그 등이다. IPv6 링크의 호스트는 설정의 대부분을 이 메시지 하나로 얻는다.")),
		typeEntry(ICMPv6NeighborSolicitation, nm("Neighbor Solicitation", "이웃 요청"), rfc4861, StatusCurrent, enko(
			"Neighbor Discovery's replacement for ARP: a node asks 'who has this IPv6 address? tell me your link-layer address', sending to the target's solicited-node multicast group rather than broadcasting. The same message checks that a neighbour is still reachable, and, sent from the unspecified address ::, detects whether an address is already in use (DAD) before a host takes it.",
			"ARP를 대신하는 이웃 탐색 메시지이다. 노드가 '이 IPv6 주소를 가진 이는 링크 계층 주소를 알려 달라'고 묻는데, 브로드캐스트 대신 대상의 요청 노드 멀티캐스트 그룹으로 보낸다. 같은 메시지로 이웃이 여전히 도달 가능한지 확인하고, 미지정 주소 ::에서 보내면 호스트가 주소를 쓰기 전에 이미 쓰이고 있는지 검사한다(중복 주소 검출, DAD).")),
		typeEntry(ICMPv6NeighborAdvertisement, nm("Neighbor Advertisement", "이웃 광고"), rfc4861, StatusCurrent, enko(
			"The answer to a Neighbor Solicitation, carrying the link-layer address; also sent unsolicited when that address changes. Its flags say whether the sender is a router (R), whether it answers a solicitation (S), and whether it should override cached entries (O).",
			"이웃 요청에 대한 응답으로 링크 계층 주소를 담으며, 그 주소가 바뀌었을 때는 요청 없이도 보낸다. 플래그는 송신자가 라우터인지(R), 요청에 대한 응답인지(S), 캐시된 항목을 덮어써야 하는지(O)를 말해준다.")),
		typeEntry(ICMPv6Redirect, nm("Redirect Message", "경로 재지정 메시지 (Redirect)"), rfc4861, StatusCurrent, enko(
			"A router tells a host that a better first hop exists for a destination, either another router on the link or the destination itself when it is on the same link. Like ICMPv4 redirects it is only accepted from the host's current first-hop router, with hop limit 255 to prove it came from the link.",
			"라우터가 호스트에게 어떤 목적지로 가는 더 나은 첫 홉이 있다고 알리는 메시지로, 그 첫 홉은 링크의 다른 라우터이거나, 목적지가 같은 링크에 있으면 목적지 자신이다. ICMPv4 재지정처럼 호스트의 현재 첫 홉 라우터가 보낸 것만 받아들이며, 링크 안에서 왔음을 보이려고 홉 제한이 255여야 한다.")),

		typeEntry(ICMPv6RouterRenumbering, nm("Router Renumbering", "라우터 번호 재지정 (Router Renumbering)"), "RFC 2894", StatusCurrent, enko(
			"Lets an administrator change the prefixes of all routers of a site at once; rarely deployed.",
			"관리자가 사이트의 모든 라우터의 프리픽스를 한꺼번에 바꿀 수 있게 하는 메시지로, 거의 쓰이지 않는다."),
			codeEntry(0, nm("Router Renumbering Command", "라우터 번호 재지정 명령"), "", enko(
				"Tells routers which prefixes to match and what to replace them with.",
				"라우터에게 어떤 프리픽스를 찾아 무엇으로 바꿀지 지시한다.")),
			codeEntry(1, nm("Router Renumbering Result", "라우터 번호 재지정 결과"), "", enko(
				"A router reports what it did with a command.",
				"라우터가 명령을 어떻게 처리했는지 보고한다.")),
			codeEntry(255, nm("Sequence Number Reset", "순서 번호 초기화"), "", enko(
				"Resets the sequence numbers routers use to reject replayed commands.",
				"재전송된 명령을 거부하는 데 쓰는 순서 번호를 초기화한다.")),
		),
		typeEntry(ICMPv6NodeInformationQuery, nm("ICMP Node Information Query", "ICMP 노드 정보 질의"), "RFC 4620", StatusCurrent, enko(
			"Asks a node directly for its name or addresses (experimental, RFC 4620); the code says what the Data field names.",
			"노드에게 이름이나 주소를 직접 묻는 실험적 메시지(RFC 4620)로, 코드가 데이터 필드에 무엇이 들어 있는지 말해준다."),
			codeEntry(0, nm("The Data field contains an IPv6 address which is the Subject of this Query.", "데이터 필드에 이 질의의 대상인 IPv6 주소가 들어 있음."), "", enko(
				"The query is about the node with this IPv6 address.",
				"이 IPv6 주소를 가진 노드에 대한 질의이다.")),
			codeEntry(1, nm("The Data field contains a name which is the Subject of this Query, or is empty, as in the case of a NOOP.", "데이터 필드에 이 질의의 대상인 이름이 들어 있거나, NOOP처럼 비어 있음."), "", enko(
				"The query is about the node with this DNS name, or is a no-op.",
				"이 DNS 이름을 가진 노드에 대한 질의이거나, 아무 동작도 하지 않는 질의이다.")),
			codeEntry(2, nm("The Data field contains an IPv4 address which is the Subject of this Query.", "데이터 필드에 이 질의의 대상인 IPv4 주소가 들어 있음."), "", enko(
				"The query is about the node with this IPv4 address.",
				"이 IPv4 주소를 가진 노드에 대한 질의이다.")),
		),
		typeEntry(ICMPv6NodeInformationResponse, nm("ICMP Node Information Response", "ICMP 노드 정보 응답"), "RFC 4620", StatusCurrent, enko(
			"The answer to a Node Information Query.",
			"노드 정보 질의에 대한 응답이다."),
			codeEntry(0, nm("A successful reply. The Reply Data field may or may not be empty.", "성공한 응답. 응답 데이터(Reply Data) 필드는 비어 있을 수도 있다."), "", enko(
				"The node answered.",
				"노드가 답했다.")),
			codeEntry(1, nm("The Responder refuses to supply the answer. The Reply Data field will be empty.", "응답자가 답을 주기를 거부함. 응답 데이터(Reply Data) 필드는 비어 있다."), "", enko(
				"The node declines to answer.",
				"노드가 답하기를 거부했다.")),
			codeEntry(2, nm("The Qtype of the Query is unknown to the Responder. The Reply Data field will be empty.", "응답자가 질의의 유형(Qtype)을 알지 못함. 응답 데이터(Reply Data) 필드는 비어 있다."), "", enko(
				"The node does not know the kind of question asked.",
				"노드가 질의의 종류를 모른다.")),
		),
		typeEntry(ICMPv6InverseNDSolicitation, nm("Inverse Neighbor Discovery Solicitation Message", "역 이웃 탐색 요청 메시지 (Inverse ND)"), "RFC 3122", StatusCurrent, enko(
			"Inverse ND asks for the IPv6 addresses behind a known link-layer address, as Inverse ARP does on frame relay.",
			"역 이웃 탐색: 알고 있는 링크 계층 주소에 해당하는 IPv6 주소를 묻는 메시지로, 프레임 릴레이의 역 ARP와 같은 역할이다.")),
		typeEntry(ICMPv6InverseNDAdvertisement, nm("Inverse Neighbor Discovery Advertisement Message", "역 이웃 탐색 광고 메시지 (Inverse ND)"), "RFC 3122", StatusCurrent, enko(
			"The answer to an Inverse ND solicitation, listing the node's IPv6 addresses.",
			"역 이웃 탐색 요청에 대한 응답으로, 노드의 IPv6 주소 목록을 담는다.")),
		typeEntry(ICMPv6MLDv2Report, nm("Version 2 Multicast Listener Report", "버전 2 멀티캐스트 수신자 보고 (MLDv2 Report)"), "RFC 9777", StatusCurrent, enko(
			"An MLDv2 report: a host lists, group by group, which sources it wants to hear from (or not), which source-specific multicast needs. Reports go to ff02::16, and modern hosts send these instead of the MLDv1 report (131).",
			"MLDv2 보고: 호스트가 그룹별로 어떤 출발지에서 오는 멀티캐스트를 받고 싶은지(또는 받고 싶지 않은지) 나열하며, 출발지 지정 멀티캐스트(SSM)에 필요하다. 보고는 ff02::16으로 보내고, 요즘 호스트는 MLDv1 보고(131) 대신 이것을 보낸다.")),
		typeEntry(ICMPv6HomeAgentDiscoveryReq, nm("Home Agent Address Discovery Request Message", "홈 에이전트 주소 탐색 요청 메시지"), "RFC 6275", StatusCurrent, enko(
			"Mobile IPv6: a mobile node looks for home agents on its home network.",
			"모바일 IPv6: 이동 노드가 홈 네트워크의 홈 에이전트를 찾는다.")),
		typeEntry(ICMPv6HomeAgentDiscoveryReply, nm("Home Agent Address Discovery Reply Message", "홈 에이전트 주소 탐색 응답 메시지"), "RFC 6275", StatusCurrent, enko(
			"Mobile IPv6: the list of home agents, in answer to a discovery request.",
			"모바일 IPv6: 발견 요청에 대한 응답으로 홈 에이전트 목록을 담는다.")),
		typeEntry(ICMPv6MobilePrefixSolicit, nm("Mobile Prefix Solicitation", "모바일 프리픽스 요청"), "RFC 6275", StatusCurrent, enko(
			"Mobile IPv6: a mobile node away from home asks for its home network's prefixes.",
			"모바일 IPv6: 집을 떠난 이동 노드가 홈 네트워크의 프리픽스를 요청한다.")),
		typeEntry(ICMPv6MobilePrefixAdvert, nm("Mobile Prefix Advertisement", "모바일 프리픽스 광고"), "RFC 6275", StatusCurrent, enko(
			"Mobile IPv6: the home agent sends the home network's prefixes to a mobile node away from home.",
			"모바일 IPv6: 홈 에이전트가 집을 떠난 이동 노드에게 홈 네트워크의 프리픽스를 보낸다.")),
		typeEntry(ICMPv6CertPathSolicitation, nm("Certification Path Solicitation Message", "인증 경로 요청 메시지"), "RFC 3971", StatusCurrent, enko(
			"SEcure Neighbor Discovery (SEND): a host asks for the certificate chain that proves a router may advertise its prefixes.",
			"보안 이웃 탐색(SEND): 호스트가 라우터가 프리픽스를 광고할 권한이 있음을 증명하는 인증서 체인을 요청한다.")),
		typeEntry(ICMPv6CertPathAdvertisement, nm("Certification Path Advertisement Message", "인증 경로 광고 메시지"), "RFC 3971", StatusCurrent, enko(
			"SEND: the certificate chain a router sends in answer.",
			"SEND: 라우터가 응답으로 보내는 인증서 체인이다.")),
		typeEntry(ICMPv6Experimental, nm("ICMP messages utilized by experimental mobility protocols such as Seamoby", "Seamoby 같은 실험적 이동성 프로토콜이 쓰는 ICMP 메시지"), "RFC 4065", StatusExperimental, enko(
			"A single type shared by experimental mobility protocols such as Seamoby (RFC 4065), which put their own subtype inside.",
			"Seamoby(RFC 4065) 같은 실험적 이동성 프로토콜들이 함께 쓰는 타입으로, 각 프로토콜이 안에 자신의 하위 타입을 넣는다.")),
		typeEntry(ICMPv6MRDAdvertisement, nm("Multicast Router Advertisement", "멀티캐스트 라우터 광고"), "RFC 4286", StatusCurrent, enko(
			"Multicast Router Discovery: a multicast router announces itself so snooping switches know where routers are.",
			"멀티캐스트 라우터 발견: 멀티캐스트 라우터가 자신을 알려 스누핑 스위치가 라우터의 위치를 알 수 있게 한다.")),
		typeEntry(ICMPv6MRDSolicitation, nm("Multicast Router Solicitation", "멀티캐스트 라우터 요청"), "RFC 4286", StatusCurrent, enko(
			"Multicast Router Discovery: asks multicast routers to advertise themselves now.",
			"멀티캐스트 라우터 발견: 멀티캐스트 라우터에게 지금 자신을 광고하라고 요청한다.")),
		typeEntry(ICMPv6MRDTermination, nm("Multicast Router Termination", "멀티캐스트 라우터 종료"), "RFC 4286", StatusCurrent, enko(
			"Multicast Router Discovery: a router stops acting as a multicast router.",
			"멀티캐스트 라우터 발견: 라우터가 멀티캐스트 라우터 역할을 그만둔다고 알린다.")),
		typeEntry(ICMPv6FMIPv6, nm("FMIPv6 Messages", "FMIPv6 메시지"), "RFC 5568", StatusCurrent, enko(
			"Fast handovers for Mobile IPv6: a subtype field inside carries the handover signalling between a mobile node and access routers.",
			"모바일 IPv6 빠른 핸드오버(FMIPv6): 내부의 하위 타입 필드가 이동 노드와 접속 라우터 사이의 핸드오버 신호를 나른다.")),
		typeEntry(ICMPv6RPLControl, nm("RPL Control Message", "RPL 제어 메시지"), rfc6550, StatusCurrent, enko(
			"RPL, the routing protocol for low-power and lossy networks (sensor networks, smart meters): the code says which control message it is. Codes with the top bit (0x80) set are the secured variants.",
			"저전력 손실 네트워크(센서 네트워크, 스마트 미터 등)의 라우팅 프로토콜 RPL의 제어 메시지로, 코드가 어떤 제어 메시지인지 말해준다. 최상위 비트(0x80)가 켜진 코드는 보안이 적용된 형태이다."),
			codeEntry(0x00, nm("DODAG Information Solicitation", "DODAG 정보 요청 (DIS)"), "", enko(
				"DIS: a node asks its neighbours for routing-graph (DODAG) information.",
				"DIS: 노드가 이웃에게 라우팅 그래프(DODAG) 정보를 요청한다.")),
			codeEntry(0x01, nm("DODAG Information Object", "DODAG 정보 객체 (DIO)"), "", enko(
				"DIO: a node advertises the routing graph it belongs to and its rank in it.",
				"DIO: 노드가 자신이 속한 라우팅 그래프와 그 안에서의 순위(rank)를 알린다.")),
			codeEntry(0x02, nm("Destination Advertisement Object", "목적지 광고 객체 (DAO)"), "", enko(
				"DAO: a node announces destinations reachable through it, building downward routes.",
				"DAO: 노드가 자신을 거쳐 도달할 수 있는 목적지를 알려 하향 경로를 만든다.")),
			// IANA spells this one "Acknowledegment", a typo; RFC 6550 and the
			// secure variant (0x83) spell it correctly.
			codeEntry(0x03, nm("Destination Advertisement Object Acknowledgment", "목적지 광고 객체 확인 응답 (DAO-ACK)"), "", enko(
				"DAO-ACK: acknowledges a DAO.",
				"DAO-ACK: DAO를 확인 응답한다.")),
			codeEntry(0x04, nm("P2P Discovery Reply Object", "P2P 탐색 응답 객체"), "RFC 6997", enko(
				"Answers a point-to-point route discovery.",
				"점대점 경로 발견에 응답한다.")),
			codeEntry(0x05, nm("P2P Discovery Reply Object Acknowledgement", "P2P 탐색 응답 객체 확인 응답"), "RFC 6997", enko(
				"Acknowledges a P2P discovery reply.",
				"P2P 발견 응답을 확인 응답한다.")),
			codeEntry(0x06, nm("Measurement Object", "측정 객체"), "RFC 6998", enko(
				"Measures the cost of a point-to-point route.",
				"점대점 경로의 비용을 측정한다.")),
			codeEntry(0x07, nm("Destination Cleanup Object", "목적지 정리 객체"), "RFC 9009", enko(
				"DCO: removes stale downward routes.",
				"DCO: 오래된 하향 경로를 지운다.")),
			codeEntry(0x08, nm("Destination Cleanup Object Acknowledgment", "목적지 정리 객체 확인 응답"), "RFC 9009", enko(
				"Acknowledges a DCO.",
				"DCO를 확인 응답한다.")),
			codeEntry(0x09, nm("Projected DAO Request (PDR)", "투영 DAO 요청 (PDR)"), "draft-ietf-roll-dao-projection-40", enko(
				"Asks the root to install a projected route.",
				"루트에게 투영 경로를 설치해 달라고 요청한다.")),
			codeEntry(0x0A, nm("PDR-ACK", "PDR 확인 응답 (PDR-ACK)"), "draft-ietf-roll-dao-projection-40", enko(
				"Answers a projected-route request.",
				"투영 경로 요청에 응답한다.")),
			codeEntry(0x80, nm("Secure DODAG Information Solicitation", "보안 DODAG 정보 요청 (Secure DIS)"), "", enko(
				"The secured form of DIS.",
				"보안이 적용된 DIS이다.")),
			codeEntry(0x81, nm("Secure DODAG Information Object", "보안 DODAG 정보 객체 (Secure DIO)"), "", enko(
				"The secured form of DIO.",
				"보안이 적용된 DIO이다.")),
			codeEntry(0x82, nm("Secure Destination Advertisement Object", "보안 목적지 광고 객체 (Secure DAO)"), "", enko(
				"The secured form of DAO.",
				"보안이 적용된 DAO이다.")),
			codeEntry(0x83, nm("Secure Destination Advertisement Object Acknowledgment", "보안 목적지 광고 객체 확인 응답 (Secure DAO-ACK)"), "", enko(
				"The secured form of DAO-ACK.",
				"보안이 적용된 DAO-ACK이다.")),
			codeEntry(0x84, nm("Secure P2P Discovery Reply Object", "보안 P2P 탐색 응답 객체"), "RFC 6997", enko(
				"The secured form of the P2P discovery reply.",
				"보안이 적용된 P2P 발견 응답이다.")),
			codeEntry(0x85, nm("Secure P2P Discovery Reply Object Acknowledgement", "보안 P2P 탐색 응답 객체 확인 응답"), "RFC 6997", enko(
				"The secured form of its acknowledgement.",
				"보안이 적용된 P2P 발견 응답 확인이다.")),
			codeEntry(0x86, nm("Secure Measurement Object", "보안 측정 객체"), "RFC 6998", enko(
				"The secured form of the measurement object.",
				"보안이 적용된 측정 객체이다.")),
			codeEntry(0x87, nm("Secure Destination Cleanup Object", "보안 목적지 정리 객체"), "RFC 9009", enko(
				"The secured form of DCO.",
				"보안이 적용된 DCO이다.")),
			codeEntry(0x88, nm("Secure Destination Cleanup Object Acknowledgment", "보안 목적지 정리 객체 확인 응답"), "RFC 9009", enko(
				"The secured form of the DCO acknowledgement.",
				"보안이 적용된 DCO 확인 응답이다.")),
			codeEntry(0x8A, nm("Consistency Check", "일관성 검사"), "", enko(
				"Checks that secured RPL nodes agree on counters and keys.",
				"보안 RPL 노드들이 카운터와 키에 대해 일치하는지 확인한다.")),
		),
		typeEntry(ICMPv6ILNPv6LocatorUpdate, nm("ILNPv6 Locator Update Message", "ILNPv6 로케이터 갱신 메시지"), "RFC 6743", StatusCurrent, enko(
			"ILNP (an experimental identifier/locator split): a node tells its peers its new locators after it moves.",
			"ILNP(실험적 식별자·위치자 분리 구조): 노드가 이동한 뒤 상대에게 새 위치자(locator)를 알린다.")),
		typeEntry(ICMPv6DuplicateAddressRequest, nm("Duplicate Address Request", "중복 주소 요청"), "RFC 6775", StatusCurrent, enko(
			"6LoWPAN (low-power wireless) Neighbor Discovery: a router asks the border router whether an address a host wants to register is already taken, replacing multicast DAD. The code tells DAR from the extended EDAR and gives its ROVR size.",
			"6LoWPAN(저전력 무선) 이웃 탐색: 라우터가 경계 라우터에게 호스트가 등록하려는 주소가 이미 쓰이는지 묻는 메시지로, 멀티캐스트 DAD를 대신한다. 코드가 DAR과 확장 EDAR을 구분하고 ROVR 크기를 알려준다."),
			codeEntry(0, nm("DAR message", "DAR 메시지 (중복 주소 요청)"), "", enko(
				"The original DAR of RFC 6775.",
				"RFC 6775의 원래 DAR이다.")),
			codeEntry(1, nm("EDAR message with 64-bit ROVR field", "64비트 ROVR 필드를 가진 EDAR 메시지"), "RFC 8505", enko(
				"Extended DAR whose registration ownership verifier is 64 bits.",
				"등록 소유 검증자(ROVR)가 64비트인 확장 DAR이다.")),
			codeEntry(2, nm("EDAR message with 128-bit ROVR field", "128비트 ROVR 필드를 가진 EDAR 메시지"), "RFC 8505", enko(
				"Extended DAR with a 128-bit ROVR.",
				"ROVR이 128비트인 확장 DAR이다.")),
			codeEntry(3, nm("EDAR message with 192-bit ROVR field", "192비트 ROVR 필드를 가진 EDAR 메시지"), "RFC 8505", enko(
				"Extended DAR with a 192-bit ROVR.",
				"ROVR이 192비트인 확장 DAR이다.")),
			codeEntry(4, nm("EDAR message with 256-bit ROVR field", "256비트 ROVR 필드를 가진 EDAR 메시지"), "RFC 8505", enko(
				"Extended DAR with a 256-bit ROVR.",
				"ROVR이 256비트인 확장 DAR이다.")),
		),
		typeEntry(ICMPv6DuplicateAddressConfirm, nm("Duplicate Address Confirmation", "중복 주소 확인"), "RFC 6775", StatusCurrent, enko(
			"6LoWPAN Neighbor Discovery: the border router's answer to a DAR, saying whether the address may be used.",
			"6LoWPAN 이웃 탐색: DAR에 대한 경계 라우터의 응답으로, 그 주소를 써도 되는지 알려준다."),
			codeEntry(0, nm("DAC message", "DAC 메시지 (중복 주소 확인)"), "", enko(
				"The original DAC of RFC 6775.",
				"RFC 6775의 원래 DAC이다.")),
			codeEntry(1, nm("EDAC message with 64-bit ROVR field", "64비트 ROVR 필드를 가진 EDAC 메시지"), "RFC 8505", enko(
				"Extended DAC with a 64-bit ROVR.",
				"ROVR이 64비트인 확장 DAC이다.")),
			codeEntry(2, nm("EDAC message with 128-bit ROVR field", "128비트 ROVR 필드를 가진 EDAC 메시지"), "RFC 8505", enko(
				"Extended DAC with a 128-bit ROVR.",
				"ROVR이 128비트인 확장 DAC이다.")),
			codeEntry(3, nm("EDAC message with 192-bit ROVR field", "192비트 ROVR 필드를 가진 EDAC 메시지"), "RFC 8505", enko(
				"Extended DAC with a 192-bit ROVR.",
				"ROVR이 192비트인 확장 DAC이다.")),
			codeEntry(4, nm("EDAC message with 256-bit ROVR field", "256비트 ROVR 필드를 가진 EDAC 메시지"), "RFC 8505", enko(
				"Extended DAC with a 256-bit ROVR.",
				"ROVR이 256비트인 확장 DAC이다.")),
		),
		typeEntry(ICMPv6MPLControl, nm("MPL Control Message", "MPL 제어 메시지"), "RFC 7731", StatusCurrent, enko(
			"MPL, multicast for low-power and lossy networks: nodes exchange summaries of the messages they have seen so lost ones can be resent.",
			"저전력 손실 네트워크의 멀티캐스트 프로토콜 MPL: 노드들이 받은 메시지의 요약을 주고받아 빠진 메시지를 다시 보낼 수 있게 한다.")),

		typeEntry(ICMPv6ExtendedEchoRequest, nm("Extended Echo Request", "확장 에코 요청"), "RFC 8335", StatusCurrent, enko(
			"PROBE (RFC 8335) for IPv6: a ping that asks about an interface, named by name, index or address in an Interface Identification Object, rather than about an address. It can check an interface that has no reachable address of its own; the node answers with an Extended Echo Reply (161).",
			"IPv6용 PROBE(RFC 8335): 주소가 아니라 인터페이스 식별 객체에 이름, 인덱스, 주소로 지정한 인터페이스의 상태를 묻는 ping이다. 도달 가능한 주소가 없는 인터페이스도 확인할 수 있으며, 노드는 확장 에코 응답(161)으로 답한다."),
			probeRequestCodes...,
		),
		typeEntry(ICMPv6ExtendedEchoReply, nm("Extended Echo Reply", "확장 에코 응답"), "RFC 8335", StatusCurrent, enko(
			"The answer to a PROBE: the code says whether the query could be answered, and when it could, the State field and the Active, IPv4 and IPv6 bits describe the interface.",
			"PROBE에 대한 응답이다. 코드가 질의에 답할 수 있었는지를 알려주며, 답할 수 있었으면 상태 필드와 A(활성), 4(IPv4), 6(IPv6) 비트가 인터페이스의 상태를 알려준다."),
			probeReplyCodes...,
		),

		typeEntry(200, nm("Private experimentation", "사설 실험용"), rfc4443, StatusExperimental, enko(
			"Free for private experiments with informational messages; never seen on the open Internet.",
			"정보 메시지에 대한 사설 실험용 번호로, 공개 인터넷에서는 볼 수 없다.")),
		typeEntry(201, nm("Private experimentation", "사설 실험용"), rfc4443, StatusExperimental, enko(
			"The second number free for private experiments with informational messages.",
			"정보 메시지에 대한 사설 실험을 위한 두 번째 번호이다.")),
		typeEntry(255, nm("Reserved for expansion of ICMPv6 informational messages", "ICMPv6 정보 메시지 확장용 예약"), rfc4443, StatusReserved, enko(
			"Kept back so the informational range can be extended one day.",
			"언젠가 정보 메시지 범위를 확장할 수 있도록 남겨 둔 번호이다.")),
	}
})
