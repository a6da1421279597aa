package explain

// Catalogue: the Internet checksum (RFC 1071) that IPv4, ICMP, ICMPv6, UDP
// and TCP share, step by step for the page's worked example.

var explainChecksum = []explEntry{
	expl("checksum.howto", "The Internet checksum (RFC 1071): set the checksum field to 0, split the bytes into 16-bit big-endian words, add them all up, fold every carry out of the top 16 bits back into the bottom (one's-complement addition), and write the complement (all bits flipped) of the result into the field. A receiver adds up everything, checksum included, and must get 0xffff. It catches any single flipped bit and most burst errors, but not swapped words, and it is no protection against deliberate changes.",
		"인터넷 체크섬(RFC 1071): 체크섬 필드를 0으로 두고, 바이트를 빅엔디언 16비트 워드로 나눠 모두 더한 뒤, 상위 16비트 밖으로 넘친 자리올림을 다시 하위에 더하고(1의 보수 덧셈), 그 결과의 보수(모든 비트를 뒤집은 값)를 필드에 적는다. 수신자는 체크섬을 포함한 전체를 더해 0xffff가 나와야 한다. 비트 하나가 뒤집힌 오류와 대부분의 연속 오류는 잡아내지만, 워드 순서가 바뀐 것은 잡지 못하며 의도적인 변조는 막지 못한다."),
	expl("checksum.words", "Step 1: read the covered bytes as 16-bit big-endian words (bytes 0-1, 2-3, ...), with the checksum field counted as 0000.",
		"1단계: 대상 바이트를 빅엔디언 16비트 워드(0-1번 바이트, 2-3번 바이트, …)로 읽으며, 체크섬 필드는 0000으로 친다."),
	expl("checksum.odd", "An odd number of bytes: the last byte is padded with a zero byte on the right to make a final word; the padding is not sent.",
		"바이트 수가 홀수이면 마지막 바이트 오른쪽에 0 바이트를 붙여 마지막 워드를 만든다. 이 패딩은 전송하지 않는다."),
	expl("checksum.sum", "Step 2: add the words together in a wider register; the total may exceed 16 bits.",
		"2단계: 워드들을 더 넓은 레지스터에서 모두 더한다. 합은 16비트를 넘을 수 있다."),
	expl("checksum.fold", "Step 3: fold: add the part above 16 bits back onto the low 16 bits, and repeat until nothing is left above. This end-around carry is what makes it a one's-complement sum, and why the byte order of the machine does not matter.",
		"3단계: 접기: 16비트를 넘는 부분을 하위 16비트에 다시 더하고, 넘치는 부분이 없을 때까지 반복한다. 이 순환 자리올림 덕분에 1의 보수 합이 되며, 컴퓨터의 바이트 순서와 상관없이 같은 결과가 나온다."),
	expl("checksum.complement", "Step 4: flip every bit of the folded sum (x XOR 0xffff); that is the checksum written into the header.",
		"4단계: 접은 합의 모든 비트를 뒤집는다(x XOR 0xffff). 이것이 헤더에 적는 체크섬이다."),
	expl("checksum.verify", "Checking: add up all the words again, the checksum included; a correct message folds to 0xffff (its complement is 0). Anything else means the bytes changed on the way.",
		"검증: 체크섬을 포함해 모든 워드를 다시 더한다. 올바른 메시지는 접은 합이 0xffff(그 보수는 0)가 되며, 다른 값이면 전송 중에 바이트가 바뀐 것이다."),
	expl("checksum.pseudo_header", "ICMPv6, UDP and TCP also sum a pseudo-header that is never sent: source and destination address, upper-layer length and protocol number (58 for ICMPv6). It ties the checksum to the addresses, so a packet delivered to the wrong host fails. ICMPv4 has no pseudo-header: its checksum covers the ICMP message alone.",
		"ICMPv6, UDP, TCP는 전송하지 않는 의사 헤더까지 더한다. 의사 헤더는 출발지·목적지 주소, 상위 계층 길이, 프로토콜 번호(ICMPv6는 58)로 이루어진다. 이렇게 체크섬을 주소에 묶어 두면 엉뚱한 호스트로 배달된 패킷은 검증에 실패한다. ICMPv4에는 의사 헤더가 없어서 체크섬이 ICMP 메시지만 다룬다."),
	expl("checksum.incremental", "Routers do not recompute the IPv4 header checksum from scratch when they decrement the TTL: RFC 1624 lets them adjust it from the old and new value of the changed word.",
		"라우터는 TTL을 줄일 때 IPv4 헤더 체크섬을 처음부터 다시 계산하지 않는다. RFC 1624에 따라 바뀐 워드의 이전 값과 새 값만으로 체크섬을 고친다."),
}
