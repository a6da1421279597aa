package codec

import (
	"encoding/binary"
	"net/netip"
	"strconv"
)

// The Internet checksum worked out the way a student does it on paper
// (RFC 1071): the 16-bit words with their byte offsets and what they are,
// the running sum, the end-around carries, the complement, the value the
// field should hold and the verdict. The page's teaching panel and
// `icmplab decode --checksums` both print it; neither adds a word itself.
//
// The words and sums are a presentation: the value the field should hold and
// the verdict come from Sum, codec's one checksum implementation, and a test
// holds the two to each other over every length 0..2048.

// ChecksumKind says which checksum is worked out, and so what it covers.
type ChecksumKind uint8

const (
	ChecksumKindIPv4Header ChecksumKind = iota + 1 // the IPv4 header alone (RFC 791)
	ChecksumKindICMPv4                             // the whole ICMPv4 message (RFC 792)
	ChecksumKindICMPv6                             // pseudo-header and ICMPv6 message (RFC 4443 2.3)
	ChecksumKindUDP                                // pseudo-header and UDP datagram (RFC 768, RFC 8200 8.1)
	ChecksumKindTCP                                // pseudo-header and TCP segment (RFC 9293 3.1)
	ChecksumKindExtension                          // RFC 4884 extension structure
)

var checksumKindNames = [...]string{
	ChecksumKindIPv4Header: "IPv4 header",
	ChecksumKindICMPv4:     "ICMPv4",
	ChecksumKindICMPv6:     "ICMPv6",
	ChecksumKindUDP:        "UDP",
	ChecksumKindTCP:        "TCP",
	ChecksumKindExtension:  "ICMP extension",
}

var checksumKindKeys = [...]string{
	ChecksumKindIPv4Header: "ip",
	ChecksumKindICMPv4:     "icmp",
	ChecksumKindICMPv6:     "icmpv6",
	ChecksumKindUDP:        "udp",
	ChecksumKindTCP:        "tcp",
	ChecksumKindExtension:  "ext",
}

func (k ChecksumKind) String() string {
	if k > 0 && int(k) < len(checksumKindNames) {
		return checksumKindNames[k]
	}
	return "checksum kind(" + strconv.Itoa(int(k)) + ")"
}

// Key is the explanation catalogue's key for the checksum's name
// ("checksum.kind.icmpv6"); Key()+".how" says what it covers. The texts, in
// English and Korean, live with the catalogue (codec/dissect/explain).
func (k ChecksumKind) Key() string {
	if k > 0 && int(k) < len(checksumKindKeys) {
		return "checksum.kind." + checksumKindKeys[k]
	}
	return "checksum"
}

// WordRole says what a 16-bit word of the sum is.
type WordRole uint8

const (
	WordData           WordRole = iota // covered bytes
	WordChecksumField                  // the checksum field itself, counted as zero
	WordPadded                         // a last odd byte, padded on the right with a zero byte
	WordPseudoSrc                      // pseudo-header: part of the source address
	WordPseudoDst                      // pseudo-header: part of the destination address
	WordPseudoLength                   // pseudo-header: upper-layer length (IPv6: high, then low 16 bits)
	WordPseudoZero                     // pseudo-header: zero bits (IPv6)
	WordPseudoProtocol                 // pseudo-header: protocol, after a zero byte (IPv4) or zero bits (IPv6 next header)
)

var wordRoleKeys = [...]string{
	WordData:           "checksum.words",
	WordChecksumField:  "checksum.word.field",
	WordPadded:         "checksum.odd",
	WordPseudoSrc:      "checksum.pseudo.src",
	WordPseudoDst:      "checksum.pseudo.dst",
	WordPseudoLength:   "checksum.pseudo.length",
	WordPseudoZero:     "checksum.pseudo.zero",
	WordPseudoProtocol: "checksum.pseudo.protocol",
}

// Key is the catalogue key that names the word's role.
func (r WordRole) Key() string {
	if int(r) < len(wordRoleKeys) {
		return wordRoleKeys[r]
	}
	return "checksum.words"
}

// IsPseudo reports whether the word belongs to the pseudo-header, which is
// summed but never sent.
func (r WordRole) IsPseudo() bool { return r >= WordPseudoSrc }

// WorkedWord is one 16-bit word added to the running sum.
type WorkedWord struct {
	Off  int // offset of the word's first byte (see WorkedChecksum.Rebase); -1 in the pseudo-header
	Role WordRole
	Word uint16 // the value added (0 for the checksum field)
	Sum  uint32 // the running sum after it, before any folding
}

// Carry is one end-around carry: the bits above 16 added back in.
type Carry struct {
	From, To uint32
}

// WorkedChecksum is one checksum worked out.
type WorkedChecksum struct {
	Kind    ChecksumKind
	Start   int // first covered byte
	Length  int // covered bytes (the pseudo-header not counted)
	At      int // offset of the checksum field
	Pseudo  []WorkedWord
	Words   []WorkedWord
	Total   uint32  // the sum of every word, before folding
	Carries []Carry // the folds, until nothing is left above 16 bits
	Folded  uint16  // the folded sum (without the checksum field)
	Right   uint16  // what the field should hold: the complement of Folded (UDP: 0xffff for 0)
	Found   uint16  // what the field holds
	Status  ChecksumStatus
}

// Rebase moves the byte offsets by base, so that they count in the frame the
// covered bytes were taken from.
func (w *WorkedChecksum) Rebase(base int) {
	w.Start += base
	w.At += base
	for i := range w.Words {
		w.Words[i].Off += base
	}
}

// WorkIPv4HeaderChecksum works out the header checksum of an IPv4 header;
// hdr may run on past the header (its IHL says where it ends).
func WorkIPv4HeaderChecksum(hdr []byte) (WorkedChecksum, error) {
	const layer = "IPv4"
	if len(hdr) < IPv4MinHeaderLen {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phHeaderN, 20), Have: bytesFound(len(hdr)), Err: ErrTruncated}
	}
	if v := hdr[0] >> 4; v != 4 {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phVersion, 4), Have: phrase(phVersion, int(v)), Err: ErrMalformed}
	}
	hl := int(hdr[0]&0x0f) * 4
	if hl < IPv4MinHeaderLen {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phHeaderLengthMin), Have: bytesFound(hl), Err: ErrMalformed}
	}
	if hl > len(hdr) {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phHeaderN, hl), Have: bytesFound(len(hdr)), Err: ErrTruncated}
	}
	return workChecksum(ChecksumKindIPv4Header, hdr[:hl], IPv4ChecksumOffset, nil, Sum{}), nil
}

// WorkICMPChecksum works out an ICMP message's checksum. ICMPv6 covers an
// IPv6 pseudo-header too, so it needs the addresses; ICMPv4 ignores them.
func WorkICMPChecksum(f Family, msg []byte, src, dst netip.Addr) (WorkedChecksum, error) {
	layer := f.String()
	if len(msg) < ICMPChecksumOffset+2 {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phHeaderN, 4), Have: bytesFound(len(msg)), Err: ErrTruncated}
	}
	if f != IPv6 {
		return workChecksum(ChecksumKindICMPv4, msg, ICMPChecksumOffset, nil, Sum{}), nil
	}
	if !src.Is6() || !dst.Is6() {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phPseudoV6), Have: Phrase{kind: phAddressPair, s: [2]string{src.String(), dst.String()}}, Err: ErrMalformed}
	}
	pseudo := pseudoWords(src, dst, ProtoICMPv6, len(msg))
	return workChecksum(ChecksumKindICMPv6, msg, ICMPChecksumOffset, pseudo, PseudoHeaderSum(src, dst, ProtoICMPv6, len(msg))), nil
}

// WorkTransportChecksum works out the checksum of a whole UDP datagram or
// TCP segment (proto ProtoUDP or ProtoTCP) with the pseudo-header of its
// addresses, IPv4 (RFC 768) or IPv6 (RFC 8200 8.1). A UDP checksum of zero
// over IPv4 means none was computed: its status is ChecksumUnverified.
func WorkTransportChecksum(proto uint8, seg []byte, src, dst netip.Addr) (WorkedChecksum, error) {
	kind, at := ChecksumKindUDP, udpChecksumAt
	switch proto {
	case ProtoUDP:
	case ProtoTCP:
		kind, at = ChecksumKindTCP, tcpChecksumAt
	default:
		return WorkedChecksum{}, &ParseError{Layer: "transport", Want: phrase(phUDPOrTCP), Have: words(ProtoString(proto)), Err: ErrUnsupported}
	}
	layer := kind.String()
	if len(seg) < at+2 {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phUpToChecksum, at+2), Have: bytesFound(len(seg)), Err: ErrTruncated}
	}
	if !src.IsValid() || !dst.IsValid() || src.Is4() != dst.Is4() {
		return WorkedChecksum{}, &ParseError{Layer: layer, Want: phrase(phPseudoOneVersion), Have: Phrase{kind: phAddressPair, s: [2]string{src.String(), dst.String()}}, Err: ErrMalformed}
	}
	w := workChecksum(kind, seg, at, pseudoWords(src, dst, proto, len(seg)), PseudoHeaderSum(src, dst, proto, len(seg)))
	if kind == ChecksumKindUDP {
		if w.Right == 0 {
			w.Right = 0xffff // RFC 768: a computed zero is sent as all ones
		}
		if w.Found == 0 && src.Is4() {
			w.Status = ChecksumUnverified // RFC 768: zero means the sender computed none
		}
	}
	return w, nil
}

// WorkExtensionChecksum works out the checksum of an RFC 4884 extension
// structure (its 4-byte header and every object).
func WorkExtensionChecksum(ext []byte) (WorkedChecksum, error) {
	if len(ext) < extChecksumAt+2 {
		return WorkedChecksum{}, &ParseError{Layer: "extension", Want: phrase(phExtHeader), Have: bytesFound(len(ext)), Err: ErrTruncated}
	}
	return workChecksum(ChecksumKindExtension, ext, extChecksumAt, nil, Sum{}), nil
}

// Where each checksum field sits in what it covers.
const (
	udpChecksumAt = 6  // RFC 768
	tcpChecksumAt = 16 // RFC 9293 3.1
	extChecksumAt = 2  // RFC 4884 7
)

// workChecksum lists b's words with the field at `at` counted as zero, after
// the pseudo-header words; s is the Sum already holding the pseudo-header,
// which gives the right value and the verdict.
func workChecksum(kind ChecksumKind, b []byte, at int, pseudo []WorkedWord, s Sum) WorkedChecksum {
	w := WorkedChecksum{Kind: kind, Length: len(b), At: at, Pseudo: pseudo, Words: make([]WorkedWord, 0, (len(b)+1)/2)}
	var sum uint32
	for i := range w.Pseudo {
		sum += uint32(w.Pseudo[i].Word)
		w.Pseudo[i].Sum = sum
	}
	for off := 0; off < len(b); off += 2 {
		st := WorkedWord{Off: off}
		switch {
		case off == at:
			st.Role = WordChecksumField
		case off+1 < len(b):
			st.Word = binary.BigEndian.Uint16(b[off:])
		default:
			st.Word = uint16(b[off]) << 8
			st.Role = WordPadded
		}
		sum += uint32(st.Word)
		st.Sum = sum
		w.Words = append(w.Words, st)
	}
	w.Total = sum
	for sum>>16 != 0 {
		next := sum&0xffff + sum>>16
		w.Carries = append(w.Carries, Carry{From: sum, To: next})
		sum = next
	}
	w.Folded = uint16(sum)
	w.Found = binary.BigEndian.Uint16(b[at:])

	// The value and the verdict, from codec's Sum.
	whole := s
	s.Add(b[:at])
	s.Add(b[at+2:])
	w.Right = s.Fold()
	whole.Add(b)
	w.Status = ChecksumBad
	if whole.Fold() == 0 {
		w.Status = ChecksumGood
	}
	return w
}

// pseudoWords are the pseudo-header's words: IPv4's (RFC 768: addresses, a
// zero byte and the protocol, the length) or IPv6's (RFC 8200 8.1:
// addresses, the 32-bit length, 24 zero bits and the next header).
func pseudoWords(src, dst netip.Addr, proto uint8, n int) []WorkedWord {
	var out []WorkedWord
	add := func(r WordRole, a netip.Addr) {
		b := a.AsSlice()
		for i := 0; i+1 < len(b); i += 2 {
			out = append(out, WorkedWord{Off: -1, Role: r, Word: binary.BigEndian.Uint16(b[i:])})
		}
	}
	if src.Is4() {
		add(WordPseudoSrc, src)
		add(WordPseudoDst, dst)
		return append(out,
			WorkedWord{Off: -1, Role: WordPseudoProtocol, Word: uint16(proto)},
			WorkedWord{Off: -1, Role: WordPseudoLength, Word: uint16(n)})
	}
	add(WordPseudoSrc, src)
	add(WordPseudoDst, dst)
	return append(out,
		WorkedWord{Off: -1, Role: WordPseudoLength, Word: uint16(uint32(n) >> 16)},
		WorkedWord{Off: -1, Role: WordPseudoLength, Word: uint16(n)},
		WorkedWord{Off: -1, Role: WordPseudoZero},
		WorkedWord{Off: -1, Role: WordPseudoProtocol, Word: uint16(proto)})
}
