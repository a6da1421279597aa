package codec

import (
	"slices"
	"sync"
)

// ICMPv4 registry: every type and code of IANA's "Internet Control Message
// Protocol (ICMP) Parameters" (icmp-parameters, as updated 2025), deprecated
// ones included, because captures and textbooks still show them.
//
// Names are IANA's, without the "(Deprecated)" suffix IANA appends: Status
// carries that. RFC names the defining document; a deprecated entry also names
// the one that deprecated it ("RFC 792, RFC 6633"). Where IANA cites a person
// instead of a document (types 19, 20-29, 255) RFC is "IANA". Numbers IANA
// lists as Unassigned (1, 2, 7, 44-252) have no entry: LookupType reports them
// as not found and TypeName prints "Unassigned (N)".
//
// The explanations are written for a student who has just met ICMP in a
// textbook (Kurose & Ross 5.6): the key messages get a few sentences, rare and
// deprecated ones one.

const (
	rfc792  = "RFC 792"
	rfc1122 = "RFC 1122"
	rfc1812 = "RFC 1812"
	rfc6918 = "RFC 6918" // formally deprecated the rarely used ICMPv4 types in 2013
)

// registryV4 is the table by type number, built on first use: a page that
// shows an IPv4 packet never builds the other family's (README, "Start-up").
var registryV4 = sync.OnceValue(func() *[256]*TypeInfo {
	tab := registryIndex(IPv4, registryV4Entries())
	return &tab
})

// registryV4Entries is the list the table indexes, made once.
var registryV4Entries = sync.OnceValue(func() []TypeInfo {
	return slices.Concat([]TypeInfo{
		typeEntry(ICMPv4EchoReply, nm("Echo Reply", "에코 응답"), rfc792, StatusCurrent, enko(
			"The answer to an Echo Request (type 8): each 'reply from' line ping prints is one of these. The replier copies the request's identifier, sequence number and data, so ping can match every reply to the request it sent and measure the round-trip time. Most TCP/IP stacks answer in the operating-system kernel, not in a separate server process.",
			"에코 요청(타입 8)에 대한 응답(타입 0, 코드 0)으로, ping이 출력하는 'reply from' 한 줄이 이 메시지 하나이다. 응답하는 호스트는 요청의 식별자, 순서 번호, 데이터를 그대로 복사해 돌려보내므로 ping은 각 응답을 자신이 보낸 요청과 짝지어 왕복 시간(RTT)을 잴 수 있다. 대부분의 TCP/IP 구현은 별도의 프로세스가 아니라 운영체제가 직접 응답한다.")),

		errorEntry(ICMPv4DestinationUnreachable, nm("Destination Unreachable", "목적지 도달 불가능"), rfc792, StatusCurrent, enko(
			"A router or the destination host could not deliver a datagram and tells its source why; the code says what failed (network, host, protocol, port, fragmentation, policy). Like every ICMP error it carries the IP header and the first 8 bytes (or more) of the datagram that failed, so the sender can tell which packet, and which UDP or TCP connection, it was.",
			"라우터나 목적지 호스트가 데이터그램을 전달할 수 없을 때 출발지에 그 이유를 알려주는 오류 메시지이다. 코드가 무엇이 실패했는지(네트워크, 호스트, 프로토콜, 포트, 단편화, 정책)를 말해준다. 다른 ICMP 오류 메시지처럼 오류를 일으킨 IP 데이터그램의 헤더와 첫 8바이트(또는 그 이상)를 담고 있어, 송신자는 어떤 패킷이, 어떤 UDP·TCP 연결이 실패했는지 알 수 있다."),
			codeEntry(CodeNetUnreachable, nm("Net Unreachable", "네트워크 도달 불가능"), "", enko(
				"A router on the path has no route towards the destination network and drops the datagram. It comes from a router, not from the destination: a route is missing or a network is down.",
				"경로상의 라우터가 목적지 네트워크로 가는 경로를 갖고 있지 않아 데이터그램을 폐기했다는 뜻이다. 목적지가 아니라 라우터가 보내며, 경로가 빠져 있거나 네트워크가 다운된 경우이다.")),
			codeEntry(CodeHostUnreachable, nm("Host Unreachable", "호스트 도달 불가능"), "", enko(
				"The datagram reached the destination's network, but the last router could not hand it to the host, typically because nobody answered its ARP request: the host is down or the address is unused.",
				"데이터그램이 목적지 네트워크까지는 왔지만 마지막 라우터가 호스트에 전달하지 못했다는 뜻이다. 보통 ARP 요청에 아무도 응답하지 않을 때, 즉 호스트가 꺼져 있거나 그 주소를 쓰는 호스트가 없을 때 생긴다.")),
			codeEntry(CodeProtocolUnreachable, nm("Protocol Unreachable", "프로토콜 도달 불가능"), "", enko(
				"The destination host received the datagram but does not implement the upper-layer protocol named in the IP header's protocol field (for example a tunnelling protocol it does not run). It is sent by the destination itself.",
				"목적지 호스트가 데이터그램을 받았지만 IP 헤더의 프로토콜 필드가 가리키는 상위 계층 프로토콜(예: 지원하지 않는 터널링 프로토콜)을 구현하지 않았다는 뜻이다. 목적지 호스트가 직접 보낸다.")),
			codeEntry(CodePortUnreachable, nm("Port Unreachable", "포트 도달 불가능"), "", enko(
				"The destination host received a UDP datagram for a port on which no program is listening. traceroute relies on it: its probes go to unlikely UDP port numbers, so when a probe finally reaches the destination, this error (type 3 code 3) comes back and tells the source it has arrived and can stop sending probes.",
				"목적지 호스트가 UDP 데이터그램을 받았지만 그 포트에서 기다리는 프로그램이 없다는 뜻이다. Traceroute는 이 메시지를 이용한다: 없을 것 같은 UDP 포트 번호로 탐색 패킷을 보내므로, 패킷이 마침내 목적지에 도착하면 목적지 호스트가 포트 도달 불가능 메시지(타입 3, 코드 3)를 보내고, 출발지는 더 이상 탐색 패킷을 보낼 필요가 없음을 알게 된다.")),
			codeEntry(CodeFragmentationNeeded, nm("Fragmentation Needed and Don't Fragment was Set", "단편화 필요, DF(Don't Fragment) 설정됨"), "", enko(
				"A router had to forward the datagram onto a link with a smaller MTU, but the Don't Fragment (DF) bit forbade splitting it, so it dropped it. The message carries the next-hop MTU (RFC 1191); Path MTU Discovery uses that value to send smaller packets, and firewalls that block this message cause 'black hole' connections that hang on large packets.",
				"라우터가 데이터그램을 더 작은 MTU의 링크로 내보내야 했지만 DF(Don't Fragment) 비트 때문에 단편화할 수 없어 폐기했다는 뜻이다. 메시지에는 다음 홉의 MTU가 들어 있으며(RFC 1191), 경로 MTU 발견(PMTUD)은 이 값을 보고 패킷 크기를 줄인다. 방화벽이 이 메시지를 막으면 큰 패킷에서 연결이 멈춰 버리는 '블랙홀' 문제가 생긴다.")),
			codeEntry(CodeSourceRouteFailed, nm("Source Route Failed", "소스 라우팅 실패"), "", enko(
				"The datagram carried a source-route option naming the routers to pass through, and a router could not follow that route.",
				"데이터그램이 지나갈 라우터를 지정한 소스 라우팅 옵션을 갖고 있었지만, 라우터가 그 경로를 따를 수 없었다는 뜻이다.")),
			codeEntry(CodeNetUnknown, nm("Destination Network Unknown", "목적지 네트워크를 알 수 없음"), rfc1122, enko(
				"The router knows that the destination network does not exist at all, a stronger statement than 'unreachable' (code 0), which may be temporary. Routers rarely send it today.",
				"라우터가 목적지 네트워크가 아예 존재하지 않는다는 것을 알고 있다는 뜻으로, 일시적일 수 있는 '네트워크 도달 불가능'(코드 0)보다 강한 의미이다. 오늘날 라우터는 거의 보내지 않는다.")),
			codeEntry(CodeHostUnknown, nm("Destination Host Unknown", "목적지 호스트를 알 수 없음"), rfc1122, enko(
				"The destination host is known not to exist, as opposed to being temporarily unreachable (code 1). A router on the destination's network sends it when it is sure no such host is attached; it is rarely seen in practice.",
				"목적지 호스트가 일시적으로 도달 불가능한 것(코드 1)이 아니라 아예 존재하지 않는다는 뜻이다. 목적지 네트워크의 라우터가 그런 호스트가 연결되어 있지 않다고 확신할 때 보내며, 실제로는 거의 볼 수 없다.")),
			codeEntry(CodeSourceHostIsolated, nm("Source Host Isolated", "출발지 호스트 격리됨"), rfc1122, enko(
				"The sending host was cut off from the network; obsolete, routers must not send it (RFC 1812).",
				"송신 호스트가 네트워크에서 격리되었다는 뜻이다. 더 이상 쓰이지 않으며 라우터는 보내면 안 된다(RFC 1812).")),
			codeEntry(CodeNetProhibited, nm("Communication with Destination Network is Administratively Prohibited", "목적지 네트워크와의 통신이 관리상 금지됨"), rfc1122, enko(
				"Policy forbids traffic to the destination network; originally for US military networks, replaced by code 13 (RFC 1812).",
				"정책상 목적지 네트워크로의 통신이 금지되었다는 뜻이다. 원래 미국 군사망을 위한 코드였고 코드 13으로 대체되었다(RFC 1812).")),
			codeEntry(CodeHostProhibited, nm("Communication with Destination Host is Administratively Prohibited", "목적지 호스트와의 통신이 관리상 금지됨"), rfc1122, enko(
				"Policy forbids traffic to the destination host; like code 9 it was replaced by code 13 (RFC 1812).",
				"정책상 목적지 호스트로의 통신이 금지되었다는 뜻이다. 코드 9처럼 코드 13으로 대체되었다(RFC 1812).")),
			codeEntry(CodeNetUnreachableForTOS, nm("Destination Network Unreachable for Type of Service", "서비스 유형(TOS)에 대한 목적지 네트워크 도달 불가능"), rfc1122, enko(
				"The network is unreachable for the type of service the datagram asked for; the TOS routing it served has disappeared from the Internet.",
				"데이터그램이 요청한 서비스 유형(TOS)으로는 네트워크에 도달할 수 없다는 뜻이다. 이 코드가 전제하던 TOS 기반 라우팅은 인터넷에서 사라졌다.")),
			codeEntry(CodeHostUnreachableForTOS, nm("Destination Host Unreachable for Type of Service", "서비스 유형(TOS)에 대한 목적지 호스트 도달 불가능"), rfc1122, enko(
				"The host is unreachable for the requested type of service; obsolete along with TOS routing.",
				"요청한 서비스 유형(TOS)으로는 호스트에 도달할 수 없다는 뜻이다. TOS 라우팅과 함께 쓰이지 않게 되었다.")),
			codeEntry(CodeCommunicationProhibited, nm("Communication Administratively Prohibited", "관리상 통신 금지"), rfc1812, enko(
				"A router or firewall filtered the datagram on purpose (an access list or firewall rule, e.g. iptables' REJECT) and says so instead of dropping it silently. Seeing it tells you the path works but a policy blocks you.",
				"라우터나 방화벽이 접근 제어 목록(ACL)이나 방화벽 규칙(예: iptables의 REJECT)에 따라 의도적으로 데이터그램을 걸러냈다는 뜻이다. 조용히 버리는 대신 알려주는 것이므로, 경로는 살아 있지만 정책 때문에 막혔음을 알 수 있다.")),
			codeEntry(CodeHostPrecedenceViolation, nm("Host Precedence Violation", "호스트 우선순위 위반"), rfc1812, enko(
				"The precedence value in the datagram's TOS byte is not allowed for this source, destination or port.",
				"데이터그램의 TOS 바이트에 담긴 우선순위(precedence) 값이 이 출발지·목적지·포트 조합에는 허용되지 않는다는 뜻이다.")),
			codeEntry(CodePrecedenceCutoff, nm("Precedence cutoff in effect", "우선순위 차단 적용 중"), rfc1812, enko(
				"The network operator requires a minimum precedence, and the datagram's was below it.",
				"네트워크 운영자가 최소 우선순위를 요구하는데 데이터그램의 우선순위가 그보다 낮았다는 뜻이다.")),
		),

		errorEntry(ICMPv4SourceQuench, nm("Source Quench", "발신지 억제 (Source Quench)"), "RFC 792, RFC 6633", StatusDeprecated, enko(
			"A congested router asked the source host to slow down: the message was meant for congestion control at the network layer. TCP does its own congestion control at the transport layer without such network-layer feedback, and the message was easy to forge, so it was rarely used and RFC 6633 deprecated it: hosts ignore it and routers must not send it.",
			"출발지 억제 메시지는 혼잡이 발생한 라우터가 호스트에게 전송 속도를 늦추라고 요청하는 메시지로, 원래 목적은 네트워크 계층에서 혼잡 제어를 수행하는 것이었다. 하지만 TCP는 이런 네트워크 계층의 피드백 없이도 전송 계층에서 자신만의 혼잡 제어를 하고, 이 메시지는 위조하기도 쉬워서 실제로는 잘 쓰이지 않았다. 결국 RFC 6633이 폐기했으며, 호스트는 이 메시지를 무시하고 라우터는 보내지 않아야 한다.")),

		errorEntry(ICMPv4Redirect, nm("Redirect", "경로 재지정 (Redirect)"), rfc792, StatusCurrent, enko(
			"A router tells a host on the same link that another router on that link is a better first hop for this destination, and gives that router's address in the gateway field. The datagram itself is still forwarded; the host just updates its route for next time. Because forged redirects can hijack traffic, many hosts are configured to ignore them.",
			"라우터가 같은 링크에 있는 호스트에게 '이 목적지로는 같은 링크의 다른 라우터가 더 나은 첫 홉'이라고 알려주는 메시지로, 그 라우터의 주소를 게이트웨이 필드에 담는다. 원래 데이터그램은 그대로 전달되고, 호스트는 다음을 위해 경로만 갱신한다. 위조된 재지정(redirect) 메시지로 트래픽을 가로챌 수 있어 많은 호스트가 이를 무시하도록 설정되어 있다."),
			codeEntry(0, nm("Redirect Datagram for the Network (or subnet)", "네트워크(또는 서브넷)에 대한 경로 재지정"), "", enko(
				"Use the given gateway for every host of the destination's network; routers now send code 1 instead, since subnetting makes 'the network' ambiguous (RFC 1812).",
				"목적지 네트워크의 모든 호스트에 대해 알려준 게이트웨이를 쓰라는 뜻이다. 서브넷 때문에 '네트워크'의 범위가 모호해져 라우터는 이제 대신 코드 1을 보낸다(RFC 1812).")),
			codeEntry(1, nm("Redirect Datagram for the Host", "호스트에 대한 경로 재지정"), "", enko(
				"Use the given gateway for this destination host; the usual redirect today.",
				"이 목적지 호스트에 대해 알려준 게이트웨이를 쓰라는 뜻으로, 오늘날 보통 쓰이는 재지정 코드이다.")),
			codeEntry(2, nm("Redirect Datagram for the Type of Service and Network", "서비스 유형(TOS)과 네트워크에 대한 경로 재지정"), "", enko(
				"Like code 0, but only for datagrams with this type of service; obsolete with TOS routing.",
				"코드 0과 같지만 이 서비스 유형(TOS)의 데이터그램에만 해당한다. TOS 라우팅과 함께 쓰이지 않게 되었다.")),
			codeEntry(3, nm("Redirect Datagram for the Type of Service and Host", "서비스 유형(TOS)과 호스트에 대한 경로 재지정"), "", enko(
				"Like code 1, but only for datagrams with this type of service; obsolete with TOS routing.",
				"코드 1과 같지만 이 서비스 유형(TOS)의 데이터그램에만 해당한다. TOS 라우팅과 함께 쓰이지 않게 되었다.")),
		),

		typeEntry(ICMPv4AlternateHostAddress, nm("Alternate Host Address", "대체 호스트 주소"), rfc6918, StatusDeprecated, enko(
			"Was to tell a sender to use another address for a host; never specified in an RFC and deprecated by RFC 6918.",
			"어떤 호스트에 대해 다른 주소를 쓰라고 알려주려던 메시지로, RFC로 정의된 적이 없고 RFC 6918이 폐기했다."),
			codeEntry(0, nm("Alternate Address for Host", "호스트의 대체 주소"), "", enko(
				"The only code of the deprecated Alternate Host Address message.",
				"폐기된 대체 호스트 주소 메시지의 유일한 코드이다.")),
		),

		typeEntry(ICMPv4EchoRequest, nm("Echo", "에코 요청"), rfc792, StatusCurrent, enko(
			"The Echo Request that ping sends (type 8, code 0). It carries an identifier, a sequence number and some data, which the destination copies into its Echo Reply (type 0), so ping can pair replies with requests and time each round trip. Most TCP/IP stacks answer it in the kernel; a firewall that drops it makes a live host look dead to ping.",
			"ping이 특정 호스트에 보내는 에코 요청(타입 8, 코드 0)이다. 식별자, 순서 번호, 데이터를 담고 있고, 목적지 호스트는 이를 그대로 복사해 에코 응답(타입 0)으로 돌려보내므로 ping은 응답과 요청을 짝지어 왕복 시간을 잴 수 있다. 대부분의 TCP/IP 구현은 ping 서버를 운영체제에서 직접 지원하며, 방화벽이 이 메시지를 버리면 살아 있는 호스트도 ping에는 응답이 없는 것처럼 보인다.")),

		typeEntry(ICMPv4RouterAdvertisement, nm("Router Advertisement", "라우터 광고"), "RFC 1256", StatusCurrent, enko(
			"A router announces its addresses, each with a preference level and a lifetime, so hosts on the link can find a default gateway without manual configuration (ICMP Router Discovery, RFC 1256). It is sent periodically to a multicast address, or in answer to a Router Solicitation (type 10). With IPv4 it is rare today because DHCP hands out the gateway; its IPv6 successor, the NDP Router Advertisement (ICMPv6 134), is everywhere.",
			"라우터가 자신의 주소들을 각각의 선호도와 유효 시간과 함께 알리는 메시지로, 링크의 호스트들이 수동 설정 없이 기본 게이트웨이를 찾을 수 있게 해준다(ICMP 라우터 발견, RFC 1256). 주기적으로 멀티캐스트 주소로 보내거나 라우터 요청(타입 10)에 대한 응답으로 보낸다. IPv4에서는 DHCP가 게이트웨이를 알려주므로 오늘날 드물지만, IPv6의 후계자인 NDP 라우터 광고(ICMPv6 134)는 어디서나 쓰인다."),
			codeEntry(0, nm("Normal router advertisement", "일반 라우터 광고"), "RFC 3344", enko(
				"An ordinary advertisement by a router that forwards traffic.",
				"트래픽을 전달하는 일반 라우터의 광고이다.")),
			codeEntry(16, nm("Does not route common traffic", "일반 트래픽은 라우팅하지 않음"), "RFC 3344", enko(
				"Sent by a Mobile IP agent that advertises itself but does not forward ordinary traffic, so hosts should not pick it as a default router.",
				"자신을 광고하지만 일반 트래픽은 전달하지 않는 모바일 IP 에이전트가 보내는 광고로, 호스트는 이를 기본 라우터로 고르면 안 된다.")),
		),

		typeEntry(ICMPv4RouterSolicitation, nm("Router Selection", "라우터 요청 (Router Selection)"), "RFC 1256", StatusCurrent, enko(
			"A host asks the routers on its link to send a Router Advertisement (type 9) now, instead of waiting for the next periodic one, typically when it starts up. IANA's registry calls it Router Selection; RFC 1256 and most tools call it Router Solicitation.",
			"호스트가 다음 주기적 광고를 기다리지 않고 링크의 라우터들에게 지금 라우터 광고(타입 9)를 보내 달라고 요청하는 메시지로, 보통 호스트가 막 부팅했을 때 보낸다. IANA 레지스트리는 'Router Selection'이라고 부르지만 RFC 1256과 대부분의 도구는 라우터 요청(Router Solicitation)이라고 부른다.")),

		errorEntry(ICMPv4TimeExceeded, nm("Time Exceeded", "시간 초과"), rfc792, StatusCurrent, enko(
			"A datagram was discarded because it ran out of time: code 0 when its TTL reached zero at a router, code 1 when a host gave up reassembling its fragments. Like every ICMP error it quotes the discarded datagram's IP header and first 8 bytes, so the source can tell which probe or connection it concerns.",
			"데이터그램이 시간을 다 써서 폐기되었음을 알리는 오류 메시지이다. 라우터에서 TTL이 0이 되었으면 코드 0, 호스트가 단편 재조립을 포기했으면 코드 1이다. 다른 ICMP 오류처럼 폐기된 데이터그램의 IP 헤더와 첫 8바이트를 담고 있어, 출발지는 어느 탐색 패킷이나 연결에 관한 것인지 알 수 있다."),
			codeEntry(CodeTTLExceeded, nm("Time to Live exceeded in Transit", "전송 중 TTL(Time to Live) 초과"), "", enko(
				"Every router decrements the TTL; the one that brings it to zero drops the datagram and sends this back to the source, from its own address. traceroute sends probes with TTL 1, 2, 3, ...: the n-th router answers the n-th probe with type 11 code 0, which reveals that router's address (and, by reverse DNS, its name), and the probe's timer gives the round-trip time. A routing loop also produces it, since the TTL is what stops looping packets from circling forever.",
				"라우터는 데이터그램을 전달할 때마다 TTL을 1씩 줄이고, TTL을 0으로 만든 라우터는 데이터그램을 폐기한 뒤 자신의 주소로 출발지에 이 메시지를 보낸다. Traceroute는 TTL을 1, 2, 3, … 으로 늘려 가며 탐색 패킷을 보내므로, n번째 라우터가 n번째 패킷에 대해 TTL 만료 메시지(타입 11, 코드 0)를 보내고, 출발지는 이 메시지로 라우터의 주소와 이름을, 타이머로 왕복 시간을 알게 된다. TTL은 루프에 빠진 패킷이 영원히 돌지 않게 하는 장치이므로 라우팅 루프가 있을 때도 이 메시지가 생긴다.")),
			codeEntry(CodeReassemblyExceeded, nm("Fragment Reassembly Time Exceeded", "단편 재조립 시간 초과"), "", enko(
				"A host received some fragments of a datagram but not all of them before its reassembly timer ran out, so it discarded them. It is sent only if the first fragment (offset 0) arrived, because only that one holds the headers worth quoting; a lost fragment is the usual cause.",
				"호스트가 데이터그램의 단편 일부만 받고 재조립 타이머가 만료될 때까지 나머지를 받지 못해 받은 단편을 폐기했다는 뜻이다. 인용할 헤더가 있는 첫 단편(오프셋 0)을 받은 경우에만 보내며, 보통 단편 하나가 손실된 것이 원인이다.")),
		),

		errorEntry(ICMPv4ParameterProblem, nm("Parameter Problem", "매개변수 문제"), rfc792, StatusCurrent, enko(
			"A router or host found something in a datagram's header that it could not process (a bad IP header: an impossible length, a malformed option) and dropped the datagram. The pointer field gives the offset of the offending byte within the quoted header, so the sender can see exactly which field was wrong.",
			"라우터나 호스트가 데이터그램 헤더에서 처리할 수 없는 내용(있을 수 없는 길이, 잘못된 옵션 등 IP 헤더 불량)을 발견해 데이터그램을 폐기했다는 오류 메시지이다. 포인터 필드가 인용된 헤더 안에서 문제가 된 바이트의 위치를 가리키므로, 송신자는 어느 필드가 잘못되었는지 정확히 알 수 있다."),
			codeEntry(0, nm("Pointer indicates the error", "포인터가 오류 위치를 가리킴"), "", enko(
				"The pointer field holds the byte offset of the bad field in the quoted header.",
				"포인터 필드가 인용된 헤더에서 잘못된 필드의 바이트 위치를 담고 있다.")),
			codeEntry(1, nm("Missing a Required Option", "필수 옵션 누락"), "RFC 1108", enko(
				"A required option, such as the security label of classified networks (RFC 1108), was absent.",
				"기밀 네트워크의 보안 레이블(RFC 1108) 같은 필수 옵션이 빠져 있었다는 뜻이다.")),
			codeEntry(2, nm("Bad Length", "잘못된 길이"), "", enko(
				"A length field in the header (total length, IHL or an option length) is impossible.",
				"헤더의 길이 필드(전체 길이, IHL, 옵션 길이)가 있을 수 없는 값이라는 뜻이다.")),
		),

		typeEntry(ICMPv4Timestamp, nm("Timestamp", "타임스탬프 요청"), rfc792, StatusCurrent, enko(
			"Asks a host for its clock: the request carries an originate timestamp in milliseconds since midnight UT, and the reply adds when it was received and sent back. It gave early networks round-trip times and clock offsets; NTP does the job now, and many hosts refuse it because it leaks their clock.",
			"호스트에게 시계를 묻는 메시지이다. 요청은 UT 자정 이후의 밀리초로 된 송신 타임스탬프를 담고, 응답은 받은 시각과 돌려보낸 시각을 덧붙인다. 초기 네트워크에서 왕복 시간과 시계 차이를 재는 데 쓰였지만 지금은 NTP가 그 일을 하며, 시계 정보가 노출되므로 많은 호스트가 응답하지 않는다.")),
		typeEntry(ICMPv4TimestampReply, nm("Timestamp Reply", "타임스탬프 응답"), rfc792, StatusCurrent, enko(
			"The answer to a Timestamp request, with the receive and transmit timestamps filled in.",
			"타임스탬프 요청에 대한 응답으로, 수신 타임스탬프와 송신 타임스탬프가 채워져 있다.")),
		typeEntry(ICMPv4InformationRequest, nm("Information Request", "정보 요청"), "RFC 792, RFC 6918", StatusDeprecated, enko(
			"Let a host learn its network number by sending with network 0; replaced by RARP, BOOTP and DHCP, and deprecated by RFC 6918.",
			"호스트가 네트워크 번호 0으로 보내 자신의 네트워크 번호를 알아내던 메시지로, RARP·BOOTP·DHCP로 대체되었고 RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4InformationReply, nm("Information Reply", "정보 응답"), "RFC 792, RFC 6918", StatusDeprecated, enko(
			"The answer to an Information Request, with the network number filled in; deprecated by RFC 6918.",
			"정보 요청에 대한 응답으로 네트워크 번호가 채워져 있다. RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4AddressMaskRequest, nm("Address Mask Request", "주소 마스크 요청"), "RFC 950, RFC 6918", StatusDeprecated, enko(
			"Let a host ask for its subnet mask when subnetting was new (RFC 950); DHCP hands out the mask now, and RFC 6918 deprecated it.",
			"서브넷이 처음 도입되던 시절(RFC 950) 호스트가 서브넷 마스크를 묻던 메시지이다. 지금은 DHCP가 마스크를 알려주며 RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4AddressMaskReply, nm("Address Mask Reply", "주소 마스크 응답"), "RFC 950, RFC 6918", StatusDeprecated, enko(
			"The answer to an Address Mask Request, carrying the subnet mask; deprecated by RFC 6918.",
			"주소 마스크 요청에 대한 응답으로 서브넷 마스크를 담는다. RFC 6918이 폐기했다.")),
		typeEntry(19, nm("Reserved (for Security)", "예약됨 (보안용)"), "IANA", StatusReserved, enko(
			"Set aside for security experiments; nothing standard uses it.",
			"보안 실험을 위해 예약된 번호로, 이 번호를 쓰는 표준은 없다.")),
	}, typeSpan(20, 29, nm("Reserved (for Robustness Experiment)", "예약됨 (견고성 실험용)"), "IANA", StatusReserved, enko(
		"One of ten numbers set aside for a robustness experiment; nothing standard uses them.",
		"견고성(robustness) 실험을 위해 예약된 열 개의 번호 중 하나로, 이 번호를 쓰는 표준은 없다.",
	)), []TypeInfo{
		typeEntry(ICMPv4Traceroute, nm("Traceroute", "트레이스라우트 (Traceroute)"), "RFC 1393, RFC 6918", StatusDeprecated, enko(
			"An experimental traceroute that used an IP option and one probe instead of TTL-limited probes (RFC 1393); it never caught on and RFC 6918 deprecated it. Real traceroute uses Time Exceeded and Port Unreachable instead.",
			"TTL을 제한한 탐색 패킷 대신 IP 옵션과 패킷 하나로 경로를 알아내려던 실험적 traceroute(RFC 1393)로, 널리 쓰이지 못했고 RFC 6918이 폐기했다. 실제 traceroute는 대신 TTL 만료와 포트 도달 불가능 메시지를 이용한다.")),
		typeEntry(ICMPv4DatagramConversionErr, nm("Datagram Conversion Error", "데이터그램 변환 오류"), "RFC 1475, RFC 6918", StatusDeprecated, enko(
			"Reported a failure to convert a datagram between IPv4 and the experimental TP/IX protocol (RFC 1475); deprecated by RFC 6918.",
			"IPv4와 실험적 프로토콜 TP/IX(RFC 1475) 사이의 데이터그램 변환 실패를 알리던 메시지로, RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4MobileHostRedirect, nm("Mobile Host Redirect", "모바일 호스트 경로 재지정"), rfc6918, StatusDeprecated, enko(
			"Part of an early mobile-host proposal that never became a standard; deprecated by RFC 6918.",
			"표준이 되지 못한 초기 이동 호스트 제안의 일부로, RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4IPv6WhereAreYou, nm("IPv6 Where-Are-You", "IPv6 어디 있나요 (Where-Are-You)"), rfc6918, StatusDeprecated, enko(
			"From an early IPv6 transition experiment that asked a host for its IPv6 address; deprecated by RFC 6918.",
			"호스트의 IPv6 주소를 묻던 초기 IPv6 전환 실험의 메시지로, RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4IPv6IAmHere, nm("IPv6 I-Am-Here", "IPv6 여기 있음 (I-Am-Here)"), rfc6918, StatusDeprecated, enko(
			"The answer to IPv6 Where-Are-You in the same abandoned experiment; deprecated by RFC 6918.",
			"같은 폐기된 실험에서 IPv6 Where-Are-You에 대한 응답으로, RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4MobileRegRequest, nm("Mobile Registration Request", "모바일 등록 요청"), rfc6918, StatusDeprecated, enko(
			"From a pre-standard Mobile IP design; Mobile IP registers over UDP instead, and RFC 6918 deprecated it.",
			"표준 이전의 모바일 IP 설계에서 쓰던 메시지로, 모바일 IP는 대신 UDP로 등록하며 RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4MobileRegReply, nm("Mobile Registration Reply", "모바일 등록 응답"), rfc6918, StatusDeprecated, enko(
			"The answer to a Mobile Registration Request in that pre-standard design; deprecated by RFC 6918.",
			"그 표준 이전 설계에서 모바일 등록 요청에 대한 응답으로, RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4DomainNameRequest, nm("Domain Name Request", "도메인 이름 요청"), "RFC 1788, RFC 6918", StatusDeprecated, enko(
			"Asked a host for its DNS name directly over ICMP (RFC 1788, experimental); reverse DNS won, and RFC 6918 deprecated it.",
			"ICMP로 호스트에게 직접 DNS 이름을 묻던 실험적 메시지(RFC 1788)로, 역방향 DNS가 그 역할을 맡았고 RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4DomainNameReply, nm("Domain Name Reply", "도메인 이름 응답"), "RFC 1788, RFC 6918", StatusDeprecated, enko(
			"The answer to a Domain Name Request, carrying the host's names; deprecated by RFC 6918.",
			"도메인 이름 요청에 대한 응답으로 호스트의 이름을 담는다. RFC 6918이 폐기했다.")),
		typeEntry(ICMPv4SKIP, nm("SKIP", "SKIP (키 관리 프로토콜)"), rfc6918, StatusDeprecated, enko(
			"Used by SKIP, a 1990s key-management protocol for IP security that IKE replaced; deprecated by RFC 6918.",
			"IKE로 대체된 1990년대 IP 보안 키 관리 프로토콜 SKIP이 쓰던 메시지로, RFC 6918이 폐기했다.")),

		// Photuris quotes the failed datagram, but it is not one of the ICMP
		// error types of RFC 1122 (3, 4, 5, 11, 12), and hosts do not treat it
		// as one, so it is listed as informational.
		typeEntry(ICMPv4Photuris, nm("Photuris", "Photuris (키 관리 프로토콜)"), "RFC 2521", StatusCurrent, enko(
			"Security failures of the experimental Photuris key-management protocol (RFC 2521): it tells the sender that an IPsec-protected datagram could not be processed, and quotes that datagram's header like an error does.",
			"실험적 키 관리 프로토콜 Photuris(RFC 2521)의 보안 실패 메시지로, IPsec으로 보호된 데이터그램을 처리할 수 없었음을 송신자에게 알리며 오류 메시지처럼 그 데이터그램의 헤더를 인용한다."),
			codeEntry(0, nm("Bad SPI", "잘못된 SPI"), "", enko(
				"The Security Parameters Index names no security association the receiver knows.",
				"보안 매개변수 인덱스(SPI)가 수신자가 아는 어떤 보안 연관(SA)도 가리키지 않는다.")),
			codeEntry(1, nm("Authentication Failed", "인증 실패"), "", enko(
				"The datagram failed its integrity check.",
				"데이터그램이 무결성 검사를 통과하지 못했다.")),
			codeEntry(2, nm("Decompression Failed", "압축 해제 실패"), "", enko(
				"The datagram's compressed payload could not be decompressed.",
				"데이터그램의 압축된 페이로드를 풀 수 없었다.")),
			codeEntry(3, nm("Decryption Failed", "복호화 실패"), "", enko(
				"The datagram's encrypted payload could not be decrypted.",
				"데이터그램의 암호화된 페이로드를 복호화할 수 없었다.")),
			codeEntry(4, nm("Need Authentication", "인증 필요"), "", enko(
				"The receiver requires authentication that the datagram lacked.",
				"수신자는 인증을 요구하는데 데이터그램에는 인증이 없었다.")),
			codeEntry(5, nm("Need Authorization", "권한 부여 필요"), "", enko(
				"The sender is authenticated but not authorized for this traffic.",
				"송신자는 인증되었지만 이 트래픽에 대한 권한이 없다.")),
		),

		typeEntry(ICMPv4Experimental, nm("ICMP messages utilized by experimental mobility protocols such as Seamoby", "Seamoby 같은 실험적 이동성 프로토콜이 쓰는 ICMP 메시지"), "RFC 4065", StatusExperimental, enko(
			"A single type shared by experimental mobility protocols such as Seamoby (RFC 4065), which put their own subtype inside.",
			"Seamoby(RFC 4065) 같은 실험적 이동성 프로토콜들이 함께 쓰는 타입으로, 각 프로토콜이 안에 자신의 하위 타입을 넣는다.")),

		typeEntry(ICMPv4ExtendedEchoRequest, nm("Extended Echo Request", "확장 에코 요청"), "RFC 8335", StatusCurrent, enko(
			"PROBE (RFC 8335): a ping that asks about an interface rather than an address. The request names an interface of the node it is sent to (or of a neighbour of that node) by name, index or address, in an Interface Identification Object, so you can check an interface that has no reachable address of its own, such as an unnumbered link. The node answers with an Extended Echo Reply (type 43).",
			"PROBE(RFC 8335): 주소가 아니라 인터페이스의 상태를 묻는 ping이다. 요청은 인터페이스 식별 객체에 이름, 인덱스, 주소 중 하나로 받는 노드(또는 그 이웃)의 인터페이스를 지정하므로, 번호 없는(unnumbered) 링크처럼 도달 가능한 주소가 없는 인터페이스도 확인할 수 있다. 노드는 확장 에코 응답(타입 43)으로 답한다."),
			probeRequestCodes...,
		),
		typeEntry(ICMPv4ExtendedEchoReply, nm("Extended Echo Reply", "확장 에코 응답"), "RFC 8335", StatusCurrent, enko(
			"The answer to a PROBE. Its code says whether the query could be answered; when it could (code 0), the State field and the Active, IPv4 and IPv6 bits say whether the interface is up and which address families run on it.",
			"PROBE에 대한 응답이다. 코드가 질의에 답할 수 있었는지를 알려주며, 답할 수 있었으면(코드 0) 상태(State) 필드와 A(활성), 4(IPv4), 6(IPv6) 비트가 인터페이스가 살아 있는지, 어떤 주소 체계가 동작하는지 알려준다."),
			probeReplyCodes...,
		),

		typeEntry(253, nm("RFC3692-style Experiment 1", "RFC 3692 방식 실험 1"), "RFC 4727", StatusExperimental, enko(
			"Free for experiments in the style of RFC 3692: usable in a lab, never in products or on the open Internet.",
			"RFC 3692 방식의 실험용 번호로, 실험실에서는 쓸 수 있지만 제품이나 공개 인터넷에서는 쓰면 안 된다.")),
		typeEntry(254, nm("RFC3692-style Experiment 2", "RFC 3692 방식 실험 2"), "RFC 4727", StatusExperimental, enko(
			"The second number free for RFC 3692-style experiments.",
			"RFC 3692 방식의 실험을 위한 두 번째 번호이다.")),
		typeEntry(255, nm("Reserved", "예약됨"), "IANA", StatusReserved, enko(
			"Reserved by IANA; no message uses it.",
			"IANA가 예약한 번호로, 이 번호를 쓰는 메시지는 없다.")),
	})
})

// The codes of RFC 8335's extended echo are the same in both families
// (ICMPv4 42/43, ICMPv6 160/161): one list serves both tables.
var (
	probeRequestCodes = []CodeInfo{
		codeEntry(0, nm("No Error", "오류 없음"), "", enko(
			"The only code a request uses.",
			"요청이 쓰는 유일한 코드이다.")),
	}
	probeReplyCodes = []CodeInfo{
		codeEntry(0, nm("No Error", "오류 없음"), "", enko(
			"The query was understood and answered; read the state bits.",
			"질의를 이해하고 답했다는 뜻으로, 상태 비트를 읽으면 된다.")),
		codeEntry(1, nm("Malformed Query", "잘못된 형식의 질의"), "", enko(
			"The request's Interface Identification Object could not be parsed.",
			"요청의 인터페이스 식별 객체를 해석할 수 없었다.")),
		codeEntry(2, nm("No Such Interface", "해당 인터페이스 없음"), "", enko(
			"No interface matches the name, index or address asked about.",
			"질의한 이름, 인덱스, 주소에 맞는 인터페이스가 없다.")),
		codeEntry(3, nm("No Such Table Entry", "해당 테이블 항목 없음"), "", enko(
			"The interface asked about belongs to a neighbour, and the node has no neighbour-table entry for it.",
			"질의한 인터페이스가 이웃의 것인데, 노드의 이웃 테이블에 해당 항목이 없다.")),
		codeEntry(4, nm("Multiple Interfaces Satisfy Query", "질의를 만족하는 인터페이스가 여럿임"), "", enko(
			"The query matches more than one interface, so it cannot be answered.",
			"질의에 맞는 인터페이스가 둘 이상이라 답할 수 없다.")),
	}
)
