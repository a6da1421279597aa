package dissect

// Korean words of the dissection, keyed by field id (the ids filters use):
// one place for them, beside the English labels the dissector writes. A
// network term Korean textbooks keep in English is shown with it, "체크섬
// (Checksum)", so a student can find it in an RFC or in Wireshark.
// TestKoreanLabels walks every capture, fixture and fuzz seed and fails
// on a field id without a Hangul label here.
var labelsKO = map[string]string{
	// Protocol layers.
	"eth":      "이더넷 II (Ethernet II)",
	"vlan":     "가상 LAN 태그 (VLAN)",
	"mpls":     "다중 프로토콜 레이블 스위칭 (MPLS)",
	"ppp":      "점대점 프로토콜 (PPP)",
	"ppp_hdlc": "HDLC 유사 프레이밍의 PPP",
	"pppoes":   "이더넷 위 PPP 세션 (PPPoE)",
	"chdlc":    "시스코 HDLC (Cisco HDLC)",
	"fr":       "프레임 릴레이 (Frame Relay)",
	"ipoib":    "인피니밴드 위 IP (IPoIB)",
	"ipnet":    "솔라리스 IPNET (Solaris IPNET)",
	"sll":      "리눅스 쿠킹 캡처 v1 (Linux SLL)",
	"sll2":     "리눅스 쿠킹 캡처 v2 (Linux SLL2)",
	"null":     "널/루프백 (Null/Loopback)",
	"erspan":   "원격 스위치 포트 분석 캡슐화 (ERSPAN)",
	"macsec":   "802.1AE 보안 태그 (MACsec)",
	"arcnet":   "ARCNET 헤더",
	"llc":      "논리 링크 제어 (LLC)",
	"pwethcw":  "PW 이더넷 제어 워드 (Control Word)",
	"ip":       "인터넷 프로토콜 버전 4 (IPv4)",
	"ipv6":     "인터넷 프로토콜 버전 6 (IPv6)",
	"icmp":     "인터넷 제어 메시지 프로토콜 (ICMP)",
	"icmpv6":   "인터넷 제어 메시지 프로토콜 v6 (ICMPv6)",
	"udp":      "사용자 데이터그램 프로토콜 (UDP)",
	"tcp":      "전송 제어 프로토콜 (TCP)",
	"gre":      "일반 라우팅 캡슐화 (GRE)",
	"vxlan":    "가상 확장 LAN (VXLAN)",
	"geneve":   "일반 네트워크 가상화 캡슐화 (Geneve)",
	"gtp":      "GPRS 터널링 프로토콜 (GTP)",
	"teredo":   "UDP 위 IPv6 터널링 (Teredo)",
	"ayiya":    "AYIYA 터널 (Anything in Anything)",
	"pim":      "프로토콜 독립 멀티캐스트 (PIM)",
	"ah":       "인증 헤더 (Authentication Header)",
	"data":     "데이터 (Data)",

	// Ethernet, VLAN, MPLS and the other links.
	"eth.dst": "목적지 (Destination)", "eth.src": "출발지 (Source)", "eth.type": "유형 (Type)", "eth.len": "길이 (Length)",
	"vlan.priority": "우선순위 (Priority)", "vlan.dei": "폐기 적격 표시 (DEI)", "vlan.id": "VLAN 식별자 (ID)", "vlan.etype": "유형 (Type)",
	"mpls.label": "레이블 (Label)", "mpls.exp": "트래픽 클래스 (Traffic Class)", "mpls.bottom": "스택 바닥 (Bottom of Stack)", "mpls.ttl": "생존 시간 TTL (Time to Live)",
	"ppp.address": "주소 (Address)", "ppp.control": "제어 (Control)", "ppp.protocol": "프로토콜 (Protocol)",
	"pppoe.version": "버전 (Version)", "pppoe.type": "유형 (Type)", "pppoe.code": "코드 (Code)", "pppoe.session_id": "세션 ID (Session ID)", "pppoe.payload_length": "페이로드 길이 (Payload Length)",
	"chdlc.address": "주소 (Address)", "chdlc.control": "제어 (Control)", "chdlc.protocol": "프로토콜 (Protocol)",
	"fr.dlci": "데이터 링크 연결 식별자 (DLCI)", "fr.control": "제어 (Control)", "fr.nlpid": "네트워크 계층 프로토콜 ID (NLPID)", "fr.snap.oui": "조직 식별자 (OUI)", "fr.snap.pid": "프로토콜 ID (Protocol ID)", "fr.cisco.etype": "유형 (Type)",
	"ipoib.type": "유형 (Type)", "ipoib.reserved": "예약됨 (Reserved)", "ipoib.dst": "목적지 하드웨어 주소", "ipoib.src": "출발지 하드웨어 주소",
	"ipnet.version": "버전 (Version)", "ipnet.family": "주소 체계 (Family)", "ipnet.htype": "훅 유형 (Hook type)", "ipnet.pktlen": "패킷 길이 (Packet length)", "ipnet.ifindex": "인터페이스 번호 (ifIndex)", "ipnet.grifindex": "그룹 인터페이스 번호", "ipnet.zsrc": "출발지 영역 (zone)", "ipnet.zdst": "목적지 영역 (zone)",
	"sll.pkttype": "패킷 유형 (Packet type)", "sll.hatype": "링크 계층 주소 유형", "sll.halen": "링크 계층 주소 길이", "sll.src": "출발지 (Source)", "sll.etype": "프로토콜 (Protocol)", "sll.ifindex": "인터페이스 번호 (ifIndex)", "sll.reserved": "예약됨 (Reserved)",
	"null.family":    "주소 체계 (Family)",
	"erspan.version": "버전 (Version)", "erspan.vlan": "VLAN 번호", "erspan.spanid": "세션 ID (Session ID)", "erspan.index": "인덱스 (Index)",
	"macsec.TCI": "태그 제어 정보/연결 번호 (TCI/AN)", "macsec.TCI.E": "암호화 (E)", "macsec.SL": "짧은 길이 (Short length)", "macsec.PN": "패킷 번호 (Packet number)", "macsec.SCI": "보안 채널 식별자 (SCI)", "macsec.etype": "유형 (Type)", "macsec.ICV": "무결성 검사 값 (ICV)",
	"arcnet.src": "출발지 (Source)", "arcnet.dst": "목적지 (Dest)", "arcnet.offset": "오프셋 (Offset)", "arcnet.protID": "프로토콜 ID (Protocol ID)", "arcnet.split_flag": "분할 플래그 (Split Flag)", "arcnet.sequence": "순서 번호 (Sequence)",
	"llc.dsap": "목적지 서비스 접근점 (DSAP)", "llc.ssap": "출발지 서비스 접근점 (SSAP)", "llc.control": "제어 (Control)", "llc.oui": "조직 식별자 (OUI)", "llc.type": "유형 (Type)",
	"pwethcw.reserved": "예약됨 (Reserved)", "pwethcw.seq": "순서 번호 (Sequence number)",

	// IPv4 (RFC 791).
	"ip.version": "버전 (Version)", "ip.hdr_len": "헤더 길이 (Header Length)",
	"ip.dsfield": "차등 서비스 필드 (DS Field)", "ip.dsfield.dscp": "차등 서비스 코드포인트 (DSCP)", "ip.dsfield.ecn": "명시적 혼잡 알림 (ECN)",
	"ip.len": "전체 길이 (Total Length)", "ip.id": "식별자 (Identification)",
	"ip.flags": "플래그 (Flags)", "ip.flags.rb": "예약 비트 (Reserved bit)", "ip.flags.df": "분할 금지 (Don't Fragment)", "ip.flags.mf": "추가 조각 있음 (More Fragments)",
	"ip.frag_offset": "조각 오프셋 (Fragment Offset)", "ip.ttl": "생존 시간 TTL (Time to Live)", "ip.proto": "프로토콜 (Protocol)",
	"ip.checksum": "헤더 체크섬 (Header Checksum)", "ip.src": "출발지 주소 (Source Address)", "ip.dst": "목적지 주소 (Destination Address)",
	"ip.fragment": "조각 (Fragment)", "ip.reassembled": "재조립된 IPv4 데이터그램",
	"ip.options": "옵션 (Options)", "ip.opt.type": "IP 옵션 (Option)", "ip.opt.type.copy": "조각마다 복사 (Copy)", "ip.opt.type.class": "클래스 (Class)", "ip.opt.type.number": "번호 (Number)",
	"ip.opt.len": "길이 (Length)", "ip.opt.padding": "패딩 (Padding)", "ip.opt.ra": "라우터 경고 (Router Alert)", "ip.opt.data": "데이터 (Data)",
	"ip.opt.ptr": "포인터 (Pointer)", "ip.rec_rt": "경로 (Route)", "ip.opt.ovflw": "넘침 (Overflow)", "ip.opt.flag": "플래그 (Flag)", "ip.opt.addr": "주소 (Address)", "ip.opt.time_stamp": "타임스탬프 (Timestamp)",

	// IPv6 (RFC 8200) and its extension headers.
	"ipv6.version": "버전 (Version)", "ipv6.tclass": "트래픽 클래스 (Traffic Class)", "ipv6.tclass.dscp": "차등 서비스 코드포인트 (DSCP)", "ipv6.tclass.ecn": "명시적 혼잡 알림 (ECN)",
	"ipv6.flow": "흐름 레이블 (Flow Label)", "ipv6.plen": "페이로드 길이 (Payload Length)", "ipv6.nxt": "다음 헤더 (Next Header)", "ipv6.hlim": "홉 제한 (Hop Limit)",
	"ipv6.src": "출발지 주소 (Source Address)", "ipv6.dst": "목적지 주소 (Destination Address)",
	"ipv6.hopopts": "홉별 옵션 헤더 (Hop-by-Hop Options)", "ipv6.dstopts": "목적지 옵션 헤더 (Destination Options)", "ipv6.routing": "라우팅 헤더 (Routing Header)", "ipv6.fraghdr": "조각 헤더 (Fragment Header)",
	"ipv6.hopopts.nxt": "다음 헤더 (Next Header)", "ipv6.dstopts.nxt": "다음 헤더 (Next Header)", "ipv6.routing.nxt": "다음 헤더 (Next Header)", "ipv6.fraghdr.nxt": "다음 헤더 (Next Header)", "ah.nxt": "다음 헤더 (Next Header)",
	"ipv6.hopopts.len": "길이 (Length)", "ipv6.dstopts.len": "길이 (Length)", "ipv6.routing.len": "길이 (Length)", "ah.len": "길이 (Length)",
	"ipv6.hopopts.opt": "옵션 (Option)", "ipv6.dstopts.opt": "옵션 (Option)",
	"ipv6.hopopts.opt.type": "유형 (Type)", "ipv6.dstopts.opt.type": "유형 (Type)", "ipv6.hopopts.opt.length": "길이 (Length)", "ipv6.dstopts.opt.length": "길이 (Length)",
	"ipv6.hopopts.opt.padn": "패딩 (Padding)", "ipv6.dstopts.opt.padn": "패딩 (Padding)", "ipv6.hopopts.opt.data": "데이터 (Data)", "ipv6.dstopts.opt.data": "데이터 (Data)",
	"ipv6.opt.router_alert": "라우터 경고 (Router Alert)", "ipv6.opt.jumbo": "점보 페이로드 길이 (Jumbo Payload)",
	"ipv6.routing.type": "유형 (Type)", "ipv6.routing.segleft": "남은 세그먼트 (Segments Left)", "ipv6.routing.type0.reserved": "예약됨 (Reserved)", "ipv6.routing.type0.addr": "주소 (Address)",
	"ipv6.routing.srh.last_entry": "마지막 항목 (Last Entry)", "ipv6.routing.srh.flags": "플래그 (Flags)", "ipv6.routing.srh.tag": "태그 (Tag)", "ipv6.routing.srh.addr": "세그먼트 (Segment)", "ipv6.routing.data": "데이터 (Data)",
	"ipv6.fraghdr.reserved_octet": "예약됨 (Reserved)", "ipv6.fraghdr.offset": "조각 오프셋 (Offset)", "ipv6.fraghdr.reserved_bits": "예약 비트 (Reserved bits)", "ipv6.fraghdr.more": "추가 조각 있음 (More Fragments)", "ipv6.fraghdr.ident": "식별자 (Identification)",
	"ipv6.fragment": "조각 (Fragment)",
	"ah.reserved":   "예약됨 (Reserved)", "ah.spi": "보안 매개변수 인덱스 (AH SPI)", "ah.sequence": "순서 번호 (AH Sequence)", "ah.icv": "무결성 검사 값 (AH ICV)",

	// ICMPv4 (RFC 792 and later).
	"icmp.type": "유형 (Type)", "icmp.code": "코드 (Code)", "icmp.checksum": "체크섬 (Checksum)",
	"icmp.ident": "식별자 (Identifier)", "icmp.seq": "순서 번호 (Sequence Number)",
	"icmp.data_time": "데이터 속 송신 시각 (Timestamp)", "icmpv6.data_time": "데이터 속 송신 시각 (Timestamp)",
	"icmp.unused": "미사용 (Unused)", "icmp.reserved": "예약됨 (Reserved)", "icmp.length": "원래 데이터그램 길이 (Length)", "icmp.mtu": "다음 홉 MTU (Next-Hop MTU)",
	"icmp.pointer": "포인터 (Pointer)", "icmp.redir_gw": "게이트웨이 주소 (Gateway Address)", "icmp.quote": "인용된 데이터그램 (Quoted Datagram)", "icmp.padding": "패딩 (Padding)",
	"icmp.originate_timestamp": "발신 타임스탬프 (Originate Timestamp)", "icmp.receive_timestamp": "수신 타임스탬프 (Receive Timestamp)", "icmp.transmit_timestamp": "송신 타임스탬프 (Transmit Timestamp)",
	"icmp.address_mask": "주소 마스크 (Address Mask)", "icmp.num_addrs": "주소 개수 (Number of Addresses)", "icmp.addr_entry_size": "주소 항목 크기 (Address Entry Size)", "icmp.lifetime": "수명 (Lifetime)",
	"icmp.router_entry": "라우터 항목 (Router Entry)", "icmp.router_address": "라우터 주소 (Router Address)", "icmp.pref_level": "선호도 (Preference Level)",
	"icmp.ext.echo.id": "식별자 (Identifier)", "icmp.ext.echo.seq": "순서 번호 (Sequence Number)", "icmp.ext.echo.req.local": "로컬 (L)",
	"icmp.ext.echo.rsp.state": "상태 (State)", "icmp.ext.echo.rsp.active": "활성 (A)", "icmp.ext.echo.rsp.ipv4": "IPv4 주소 있음 (4)", "icmp.ext.echo.rsp.ipv6": "IPv6 주소 있음 (6)",

	// RFC 4884 extensions, RFC 4950 MPLS, RFC 5837 interface information, RFC 8335 identification.
	"icmp.ext": "ICMP 다중 파트 확장 (Multi-Part Extensions)", "icmpv6.ext": "ICMP 다중 파트 확장 (Multi-Part Extensions)",
	"icmp.ext.version": "버전 (Version)", "icmp.ext.res": "예약됨 (Reserved)", "icmp.ext.checksum": "체크섬 (Checksum)",
	"icmp.ext.object": "확장 객체 (Object)", "icmp.ext.length": "길이 (Length)", "icmp.ext.class": "클래스 (Class)", "icmp.ext.ctype": "C-유형 (C-Type)", "icmp.ext.data": "데이터 (Data)",
	"icmp.mpls": "MPLS 스택 항목 (Stack Entry)", "icmp.mpls.label": "레이블 (Label)", "icmp.mpls.exp": "실험용 비트 (Experimental)", "icmp.mpls.s": "스택 비트 (Stack bit)", "icmp.mpls.ttl": "생존 시간 TTL (Time to Live)",
	"icmp.int_info.ctype": "C-유형 플래그 (C-Type flags)", "icmp.int_info.role": "인터페이스 역할 (Interface Role)", "icmp.int_info.ifindex": "인터페이스 번호 있음 (ifIndex)",
	"icmp.int_info.ipaddr": "IP 주소 (IP Address)", "icmp.int_info.name": "인터페이스 이름 (Interface Name)", "icmp.int_info.mtu": "최대 전송 단위 (MTU)",
	"icmp.int_info.index": "인터페이스 번호 (ifIndex)", "icmp.int_info.afi": "주소 체계 식별자 (AFI)", "icmp.int_info.reserved": "예약됨 (Reserved)", "icmp.int_info.addr": "주소 (Address)",
	"icmp.int_info.name.length": "길이 (Length)", "icmp.int_info.name.string": "이름 (Name)",
	"icmp.ext.ident.name": "인터페이스 이름 (Interface Name)", "icmp.ext.ident.index": "인터페이스 번호 (ifIndex)", "icmp.ext.ident.afi": "주소 체계 식별자 (AFI)",
	"icmp.ext.ident.addrlen": "주소 길이 (Address Length)", "icmp.ext.ident.reserved": "예약됨 (Reserved)", "icmp.ext.ident.address": "주소 (Address)",

	// ICMPv6 (RFC 4443), neighbour discovery (RFC 4861), MLD (RFC 2710, 3810), node information (RFC 4620).
	"icmpv6.type": "유형 (Type)", "icmpv6.code": "코드 (Code)", "icmpv6.checksum": "체크섬 (Checksum)",
	"icmpv6.echo.identifier": "식별자 (Identifier)", "icmpv6.echo.sequence_number": "순서 번호 (Sequence Number)",
	"icmpv6.length": "원래 데이터그램 길이 (Length)", "icmpv6.reserved": "예약됨 (Reserved)", "icmpv6.mtu": "최대 전송 단위 (MTU)", "icmpv6.pointer": "포인터 (Pointer)",
	"icmpv6.quote": "인용된 데이터그램 (Quoted Datagram)", "icmpv6.padding": "패딩 (Padding)",
	"icmpv6.ext.echo.id": "식별자 (Identifier)", "icmpv6.ext.echo.seq": "순서 번호 (Sequence Number)", "icmpv6.ext.echo.req.local": "로컬 (L)",
	"icmpv6.ext.echo.rsp.state": "상태 (State)", "icmpv6.ext.echo.rsp.active": "활성 (A)", "icmpv6.ext.echo.rsp.ipv4": "IPv4 주소 있음 (4)", "icmpv6.ext.echo.rsp.ipv6": "IPv6 주소 있음 (6)",
	"icmpv6.nd.ra.cur_hop_limit": "현재 홉 제한 (Cur Hop Limit)", "icmpv6.nd.ra.flag": "플래그 (Flags)",
	"icmpv6.nd.ra.flag.m": "관리형 주소 설정 (Managed)", "icmpv6.nd.ra.flag.o": "기타 설정 (Other)", "icmpv6.nd.ra.flag.h": "홈 에이전트 (Home Agent)",
	"icmpv6.nd.ra.flag.prf": "선호도 (Preference)", "icmpv6.nd.ra.flag.p": "프록시 (Proxy)",
	"icmpv6.nd.ra.router_lifetime": "라우터 수명 (Router Lifetime, 초)", "icmpv6.nd.ra.reachable_time": "도달 가능 시간 (Reachable Time, ms)", "icmpv6.nd.ra.retrans_timer": "재전송 타이머 (Retrans Timer, ms)",
	"icmpv6.nd.ns.target_address": "대상 주소 (Target Address)", "icmpv6.nd.na.target_address": "대상 주소 (Target Address)",
	"icmpv6.nd.na.flag": "플래그 (Flags)", "icmpv6.nd.na.flag.r": "라우터 (Router)", "icmpv6.nd.na.flag.s": "요청에 대한 응답 (Solicited)", "icmpv6.nd.na.flag.o": "덮어쓰기 (Override)", "icmpv6.nd.na.flag.rsv": "예약됨 (Reserved)",
	"icmpv6.nd.rd.target_address": "대상 주소 (Target Address)", "icmpv6.nd.rd.destination_address": "목적지 주소 (Destination Address)",
	"icmpv6.opt": "ICMPv6 옵션 (Option)", "icmpv6.opt.type": "유형 (Type)", "icmpv6.opt.length": "길이 (Length)", "icmpv6.opt.linkaddr": "링크 계층 주소 (Link-layer Address)",
	"icmpv6.opt.prefix.length": "프리픽스 길이 (Prefix Length)", "icmpv6.opt.prefix.flag": "플래그 (Flags)",
	"icmpv6.opt.prefix.flag.l": "온링크 (On-link)", "icmpv6.opt.prefix.flag.a": "자동 주소 설정 (Autonomous)", "icmpv6.opt.prefix.flag.r": "라우터 주소 (Router Address)",
	"icmpv6.opt.prefix.valid_lifetime": "유효 수명 (Valid Lifetime)", "icmpv6.opt.prefix.preferred_lifetime": "선호 수명 (Preferred Lifetime)",
	"icmpv6.opt.reserved": "예약됨 (Reserved)", "icmpv6.opt.prefix": "프리픽스 (Prefix)", "icmpv6.opt.redirected_packet": "경로 재지정된 패킷 (Redirected Packet)",
	"icmpv6.opt.mtu": "최대 전송 단위 (MTU)", "icmpv6.opt.route_info.prefix_length": "프리픽스 길이 (Prefix Length)", "icmpv6.opt.route_info.flag.route_preference": "경로 선호도 (Route Preference)",
	"icmpv6.opt.route_lifetime": "경로 수명 (Route Lifetime)", "icmpv6.opt.rdnss.lifetime": "수명 (Lifetime)", "icmpv6.opt.rdnss": "재귀 DNS 서버 (RDNSS)",
	"icmpv6.opt.dnssl.lifetime": "수명 (Lifetime)", "icmpv6.opt.dnssl": "DNS 검색 도메인 (DNSSL)",
	"icmpv6.opt.pref64.scaled_lifetime": "배율 적용 수명 (Scaled Lifetime)", "icmpv6.opt.pref64.plc": "프리픽스 길이 코드 (PLC)", "icmpv6.opt.pref64.prefix": "프리픽스 (Prefix)",
	"icmpv6.opt.data":                  "데이터 (Data)",
	"icmpv6.mld.maximum_response_code": "최대 응답 코드 (Maximum Response Code)", "icmpv6.mld.maximum_response_delay": "최대 응답 지연 (Maximum Response Delay)",
	"icmpv6.mld.multicast_address": "멀티캐스트 주소 (Multicast Address)", "icmpv6.mld.flag.s": "라우터 측 처리 생략 (S)", "icmpv6.mld.flag.qrv": "질의 강건성 변수 (QRV)",
	"icmpv6.mld.qqi": "질의 간격 코드 (QQIC)", "icmpv6.mld.nb_sources": "출발지 개수 (Number of Sources)", "icmpv6.mld.source_address": "출발지 주소 (Source Address)",
	"icmpv6.mldr.nb_mcast_records": "멀티캐스트 주소 레코드 개수", "icmpv6.mldr.mar": "멀티캐스트 주소 레코드 (Record)", "icmpv6.mldr.mar.record_type": "레코드 유형 (Record Type)",
	"icmpv6.mldr.mar.aux_data_len": "보조 데이터 길이 (Aux Data Len)", "icmpv6.mldr.mar.nb_sources": "출발지 개수 (Number of Sources)",
	"icmpv6.mldr.mar.multicast_address": "멀티캐스트 주소 (Multicast Address)", "icmpv6.mldr.mar.source_address": "출발지 주소 (Source Address)", "icmpv6.mldr.mar.auxiliary_data": "보조 데이터 (Aux Data)",
	"icmpv6.ni.qtype": "질의 유형 (Qtype)", "icmpv6.ni.flag": "플래그 (Flags)", "icmpv6.ni.nonce": "논스 (Nonce)", "icmpv6.ni.data": "데이터 (Data)",

	// UDP, TCP and the tunnels.
	"udp.srcport": "출발지 포트 (Source Port)", "udp.dstport": "목적지 포트 (Destination Port)", "udp.length": "길이 (Length)", "udp.checksum": "체크섬 (Checksum)",
	"tcp.srcport": "출발지 포트 (Source Port)", "tcp.dstport": "목적지 포트 (Destination Port)", "tcp.seq_raw": "순서 번호 (Sequence Number, raw)", "tcp.ack_raw": "확인 응답 번호 (Acknowledgment Number, raw)",
	"tcp.hdr_len": "헤더 길이 (Header Length)", "tcp.flags": "플래그 (Flags)", "tcp.window_size_value": "윈도 (Window)", "tcp.checksum": "체크섬 (Checksum)", "tcp.urgent_pointer": "긴급 포인터 (Urgent Pointer)", "tcp.options": "옵션 (Options)",
	"tcp.flags.reserved": "예약됨 (Reserved)", "tcp.flags.accurate_ecn": "정확한 ECN (AE)", "tcp.flags.congestion_window_reduced": "혼잡 윈도 감소 (CWR)", "tcp.flags.ecn-echo": "ECN 에코 (ECE)",
	"tcp.flags.urgent": "긴급 (URG)", "tcp.flags.acknowledgment": "확인 응답 (ACK)", "tcp.flags.push": "푸시 (PSH)", "tcp.flags.reset": "재설정 (RST)", "tcp.flags.syn": "동기화 (SYN)", "tcp.flags.fin": "종료 (FIN)",
	"gre.flags_and_version": "플래그와 버전 (Flags and Version)", "gre.flags.checksum": "체크섬 비트 (Checksum Bit)", "gre.flags.key": "키 비트 (Key Bit)", "gre.flags.sequence_number": "순서 번호 비트 (Sequence Number Bit)",
	"gre.flags.version": "버전 (Version)", "gre.proto": "프로토콜 유형 (Protocol Type)", "gre.checksum": "체크섬 (Checksum)", "gre.offset": "예약됨 (Reserved)", "gre.key": "키 (Key)", "gre.sequence_number": "순서 번호 (Sequence Number)",
	"vxlan.flags": "플래그 (Flags)", "vxlan.reserved": "예약됨 (Reserved)", "vxlan.vni": "VXLAN 네트워크 식별자 (VNI)",
	"geneve.version": "버전 (Version)", "geneve.option_len": "옵션 길이 (Options Length)", "geneve.flags": "플래그 (Flags)", "geneve.proto_type": "프로토콜 유형 (Protocol Type)",
	"geneve.vni": "가상 네트워크 식별자 (VNI)", "geneve.reserved": "예약됨 (Reserved)", "geneve.options": "옵션 (Options)",
	"gtp.flags": "플래그 (Flags)", "gtp.message": "메시지 유형 (Message Type)", "gtp.length": "길이 (Length)", "gtp.teid": "터널 끝점 식별자 (TEID)", "gtp.ext_hdr": "선택 필드와 확장 헤더",
	"teredo.auth": "인증 표시 (Authentication indicator)", "teredo.orig": "출처 표시 (Origin indication)",
	"ayiya.idlen": "신원 길이 (Identity length)", "ayiya.idtype": "신원 유형 (Identity type)", "ayiya.siglen": "서명 길이 (Signature length)", "ayiya.hshmeth": "해시 방식 (Hash method)",
	"ayiya.autmeth": "인증 방식 (Authentication method)", "ayiya.opcode": "동작 코드 (Operation code)", "ayiya.nextheader": "다음 헤더 (Next Header)", "ayiya.epoch": "시각 (Epoch)",
	"ayiya.identity": "신원 (Identity)", "ayiya.signature": "서명 (Signature)",
	"pim.version": "버전 (Version)", "pim.type": "유형 (Type)", "pim.res_bytes": "예약됨 (Reserved)", "pim.cksum": "체크섬 (Checksum)", "pim.register.border": "경계 (Border)", "pim.register.nullregister": "널 등록 (Null-Register)",
}

// labelVariantsKO are the few field ids whose English label changes with
// the place the field is met (opaque bytes after a quote or at the end of a
// frame; an RFC 5837 sub-object and the flag announcing it), keyed by id
// and that English label.
var labelVariantsKO = map[[2]string]string{
	{"data", "Trailer"}:                                 "트레일러 (Trailer)",
	{"data", "Bytes after the quoted datagram"}:         "인용된 데이터그램 뒤의 바이트",
	{"data", "Malformed data"}:                          "형식이 잘못된 데이터 (Malformed)",
	{"data", "Trailing data"}:                           "뒤에 남은 데이터 (Trailing)",
	{"data", "Fragment"}:                                "조각 (Fragment)",
	{"data", "Padding"}:                                 "패딩 (Padding)",
	{"icmp.int_info.ipaddr", "IP Address Sub-Object"}:   "IP 주소 하위 객체 (Sub-Object)",
	{"icmp.int_info.name", "Interface Name Sub-Object"}: "인터페이스 이름 하위 객체 (Sub-Object)",
	{"llc", "Logical-Link Control (SNAP)"}:              "논리 링크 제어 (LLC/SNAP)",
	{"null.family", "Family (little-endian)"}:           "주소 체계 (Family, 리틀 엔디언)",
	{"ip.opt.type", "Type"}:                             "유형 (Type)",
	{"ipv6.hopopts.opt.type", "Pad1"}:                   "1바이트 패딩 (Pad1)",
	{"ipv6.dstopts.opt.type", "Pad1"}:                   "1바이트 패딩 (Pad1)",
	{"ipv6.hopopts.opt", "PadN"}:                        "N바이트 패딩 (PadN)",
	{"ipv6.dstopts.opt", "PadN"}:                        "N바이트 패딩 (PadN)",
	{"ipv6.hopopts.opt", "Router Alert"}:                "라우터 경고 (Router Alert)",
	{"ipv6.dstopts.opt", "Router Alert"}:                "라우터 경고 (Router Alert)",
	{"ipv6.hopopts.opt", "Jumbo Payload"}:               "점보 페이로드 (Jumbo Payload)",
	{"ipv6.dstopts.opt", "Jumbo Payload"}:               "점보 페이로드 (Jumbo Payload)",
	{"vlan", "802.1ad Service VLAN (QinQ)"}:             "802.1ad 서비스 VLAN (QinQ)",
}

// labelKO is the Korean label of a field: its variant for this English
// label, else the field id's, else the English label (which
// TestKoreanLabels does not let pass).
func labelKO(field, en string) string {
	if s, ok := labelVariantsKO[[2]string{field, en}]; ok {
		return s
	}
	if s, ok := labelsKO[field]; ok {
		return s
	}
	return en
}
