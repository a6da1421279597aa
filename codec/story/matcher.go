package story

import (
	"errors"
	"net/netip"
	"time"

	"icmplab/codec"
	"icmplab/codec/dissect"
)

// Packet is one captured datagram handed to the Matcher.
type Packet struct {
	Frame int       // 1-based frame number in the capture
	Time  time.Time // capture time; zero when unknown (round trips are then unknown)
	IP    []byte    // the IP datagram, link header removed; not kept after Add returns
}

// Options bound a Matcher.
type Options struct {
	// MaxProbes is how many probes are kept; probes seen past it are only
	// counted (Result.Untracked). 0 means DefaultMaxProbes.
	MaxProbes int
	// Window, when above 0, makes a live matcher (see Sent and Received):
	// it keeps the latest Window probes in a ring (about 200 bytes each and
	// 16 bytes of index, allocated at once), forgetting the oldest as new
	// ones come, and keeps no answers (it counts them), so an engine
	// running for days holds fixed memory. MaxProbes is then ignored, and
	// Result, made for captures, tells no answers.
	Window int
}

// DefaultMaxProbes keeps the matcher within about 50 MB however long the
// capture: a probe, its first answer and its index entry take about 400
// bytes (TestLimit holds a thousand of them under a megabyte).
const DefaultMaxProbes = 1 << 17

// ProbeTTLLimit is the TTL (hop limit) below which an outgoing UDP datagram
// or TCP SYN is taken for a probe. Hosts send ordinary traffic with 64 or
// more; traceroute, tracepath and mtr send 1 to 30 (at most their -m).
const ProbeTTLLimit = 64

// candidateScan bounds how far back Add looks among probes that share a
// key (a Paris trace sends every probe on one flow), so matching stays
// linear in the capture.
const candidateScan = 64

// probeKind is what a probe was sent as.
type probeKind uint8

const (
	kindEcho probeKind = iota
	kindExtEcho
	kindUDP
	kindTCP
)

// probeKey is what an answer carries of its probe: the addresses, the
// protocol, echo or extended echo, and the echo identifier and sequence or
// the ports.
type probeKey struct {
	fam      codec.Family
	proto    uint8
	ext      bool // an RFC 8335 extended echo: its 8-bit sequence never meets an echo's
	src, dst netip.Addr
	a, b     uint16 // echo: identifier and sequence; UDP and TCP: source and destination port
}

// probe is one probe as the matcher keeps it: no packet bytes.
type probe struct {
	key  probeKey
	kind probeKind
	// hash is the key's hash (a live matcher's index position): forgetting
	// the probe finds its entry by it, without hashing the key again.
	hash   uint32
	frame  int
	t      time.Time
	ttl    uint8
	ipid   uint16
	size   int    // ICMP message length (echo), else the IP payload length
	tcpSeq uint32 // TCP: the SYN's sequence number
	cksum  uint16 // UDP: the checksum as captured (Paris traceroute's probe number)
	prev   int32  // the slot of the previous probe with the same key, -1 for none
	num    int64  // the probe's number among all kept (a live ring reuses slots: see link)
	// replies and errors count the answers; a live matcher keeps only the
	// counts.
	replies, errors uint32
	// facts (UDP) tell tracepath's probes from traceroute's (tool.go).
	facts probeFacts
	// answers are replies in capture order: the first answers the probe,
	// the others are duplicates. errs are ICMP errors quoting it.
	answers []answer
	errs    []answer
}

// open reports whether nothing answered the probe yet.
func (pr *probe) open() bool { return pr.replies == 0 && pr.errors == 0 }

// answer is a message that answers a probe.
type answer struct {
	frame   int
	t       time.Time
	from    netip.Addr
	typ     codec.Type
	code    codec.Code
	mtu     uint32
	ttl     uint8
	size    int
	outcome Outcome
	mark    string
	tcp     bool // a SYN-ACK or RST rather than an ICMP message
	rst     bool
}

// Matcher pairs probes with their answers as packets arrive in capture
// order. Add each packet, then call Result. The zero Matcher is not ready:
// use New.
type Matcher struct {
	max    int
	window int // live: the ring's size (0 for a capture)
	kept   int64
	probes probeTable
	// index holds, per key, the latest probe; each probe links to the
	// one before it with the same key (probe.prev): no slice per key.
	index map[probeKey]int32
	// ring replaces index in a live matcher.
	ring ringIndex
	// arena holds the first answer of each probe in chunks, so that one
	// answer costs no allocation of its own.
	arena     []answer
	untracked int
	unlisted  int
	packets   int
	pkt       codec.Packet
	fk        codec.FlowKey
}

// New returns a Matcher bounded by opt.
func New(opt Options) *Matcher {
	max := opt.MaxProbes
	if max <= 0 {
		max = DefaultMaxProbes
	}
	m := &Matcher{max: max, index: make(map[probeKey]int32)}
	if opt.Window > 0 {
		// A live matcher makes its table and index whole, once.
		m.window, m.max, m.index = opt.Window, opt.Window, nil
		m.ring = newRingIndex(opt.Window, &m.probes)
		m.probes.chunks = [][]probe{make([]probe, 0, opt.Window)}
		m.probes.chunk = opt.Window
	}
	return m
}

// lookup is the slot of the latest probe with key k.
func (m *Matcher) lookup(k *probeKey) (int32, bool) {
	if m.window > 0 {
		return m.ring.get(k)
	}
	s, ok := m.index[*k]
	return s, ok
}

// AddFrame is Add for a captured frame with its link header: the IP
// datagram is found where dissect finds it. Frames whose link layer is not
// one of the common ones are skipped.
func (m *Matcher) AddFrame(frame int, t time.Time, data []byte, start dissect.Layer) Match {
	off, ok := dissect.IPStart(data, start)
	if !ok {
		m.packets++
		return Match{}
	}
	return m.Add(Packet{Frame: frame, Time: t, IP: data[off:]})
}

// Add looks at one captured packet: a probe is kept, an answer is attached
// to the probe it answers, anything else is left alone. It returns what the
// packet turned out to be.
func (m *Matcher) Add(p Packet) Match { return m.add(p, dirCapture) }

// direction is what a caller knows of where a packet went.
type direction uint8

const (
	dirCapture  direction = iota // a capture: probes are told by their TTL
	dirSent                      // a live engine sent it: a probe, whatever its TTL
	dirReceived                  // a live engine read it: only an answer can be ours
)

func (m *Matcher) add(p Packet, dir direction) Match {
	m.packets++
	pk := &m.pkt
	_ = pk.Decode(p.IP) // whatever could be read is used; a torn datagram yields nothing
	var src, dst netip.Addr
	var ttl, proto uint8
	var ipid uint16
	switch pk.Family {
	case codec.IPv4:
		if pk.V4.FragOff != 0 || !pk.V4.Src.IsValid() {
			return Match{}
		}
		src, dst, ttl, proto, ipid = pk.V4.Src, pk.V4.Dst, pk.V4.TTL, pk.V4.Protocol, pk.V4.ID
	case codec.IPv6:
		if pk.V6.FragOff != 0 || !pk.V6.Src.IsValid() {
			return Match{}
		}
		src, dst, ttl, proto, ipid = pk.V6.Src, pk.V6.Dst, pk.V6.HopLimit, pk.V6.Upper, uint16(pk.V6.FlowLabel)
	default:
		return Match{}
	}
	fam := pk.Family
	// A capture takes UDP datagrams and SYNs for probes when their TTL is
	// a prober's; a live engine says what it sent.
	probeTTL := dir == dirSent || dir == dirCapture && ttl < ProbeTTLLimit
	switch {
	case pk.HasICMP:
		return m.addICMP(p, dir, fam, src, dst, ttl, ipid)
	case proto == codec.ProtoUDP:
		// A probe cut by the capture's snapshot still has its ports: only
		// the header is read (its length is in the facts; size is what
		// the capture holds).
		h, data, err := codec.ParseUDP(pk.Payload)
		if err != nil && !errors.Is(err, codec.ErrTruncated) {
			return Match{}
		}
		if dir == dirReceived {
			// A datagram back from the port a probe went to answers it:
			// the destination's service is open, and traceroute counts it
			// reached. (A capture does not pair these: its story has no
			// place for a UDP answer yet.)
			k := probeKey{fam: fam, proto: proto, src: dst, dst: src, a: h.DstPort, b: h.SrcPort}
			if pr := m.pick(k, identity{}); pr != nil {
				return m.attach(pr, false, answer{frame: p.Frame, t: p.Time, from: src, ttl: ttl,
					size: len(pk.Payload), outcome: OutcomeReached})
			}
			return Match{}
		}
		if !probeTTL {
			return Match{}
		}
		return m.keep(probe{key: probeKey{fam: fam, proto: proto, src: src, dst: dst, a: h.SrcPort, b: h.DstPort}, kind: kindUDP,
			frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: len(pk.Payload), cksum: h.Checksum,
			facts: udpProbeFacts(pk, ttl, data)})
	case proto == codec.ProtoTCP:
		h, _, err := codec.ParseTCP(pk.Payload)
		if err != nil {
			return Match{}
		}
		syn, ack, rst := h.Flags&codec.TCPFlagSYN != 0, h.Flags&codec.TCPFlagACK != 0, h.Flags&codec.TCPFlagRST != 0
		switch {
		case syn && !ack:
			if probeTTL && dir != dirReceived {
				return m.keep(probe{key: probeKey{fam: fam, proto: proto, src: src, dst: dst, a: h.SrcPort, b: h.DstPort}, kind: kindTCP,
					frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: len(pk.Payload), tcpSeq: h.Seq})
			}
		case (syn && ack || rst) && dir != dirSent:
			k := probeKey{fam: fam, proto: proto, src: dst, dst: src, a: h.DstPort, b: h.SrcPort}
			if pr := m.pick(k, identity{ack: h.Ack, byAck: ack}); pr != nil {
				return m.attach(pr, false, answer{frame: p.Frame, t: p.Time, from: src, ttl: ttl,
					size: len(pk.Payload), outcome: OutcomeReached, tcp: true, rst: rst})
			}
		}
	}
	return Match{}
}

// requestType is the echo request type of family f (extended: RFC 8335's).
func requestType(f codec.Family, ext bool) codec.Type {
	switch {
	case f == codec.IPv6 && ext:
		return codec.ICMPv6ExtendedEchoRequest
	case f == codec.IPv6:
		return codec.ICMPv6EchoRequest
	case ext:
		return codec.ICMPv4ExtendedEchoRequest
	}
	return codec.ICMPv4EchoRequest
}

// addICMP handles an ICMP message: an echo request is a probe, a reply or
// an error an answer.
func (m *Matcher) addICMP(p Packet, dir direction, fam codec.Family, src, dst netip.Addr, ttl uint8, ipid uint16) Match {
	msg := &m.pkt.ICMP
	proto := fam.Protocol()
	size := len(msg.Bytes())
	switch msg.Kind {
	case codec.KindEcho:
		e, ok := m.pkt.Echo()
		if !ok {
			return Match{}
		}
		if msg.Type == requestType(fam, false) {
			if dir == dirReceived {
				return Match{}
			}
			return m.keep(probe{key: probeKey{fam: fam, proto: proto, src: src, dst: dst, a: e.ID, b: e.Seq}, kind: kindEcho,
				frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: size})
		}
		if dir == dirSent {
			return Match{}
		}
		return m.reply(probeKey{fam: fam, proto: proto, src: dst, dst: src, a: e.ID, b: e.Seq}, p, src, ttl, size, msg)
	case codec.KindExtendedEchoRequest:
		r, ok := msg.ExtendedEchoRequest()
		if !ok || dir == dirReceived {
			return Match{}
		}
		return m.keep(probe{key: probeKey{fam: fam, proto: proto, ext: true, src: src, dst: dst, a: r.ID, b: uint16(r.Seq)}, kind: kindExtEcho,
			frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: size})
	case codec.KindExtendedEchoReply:
		r, ok := msg.ExtendedEchoReply()
		if !ok || dir == dirSent {
			return Match{}
		}
		return m.reply(probeKey{fam: fam, proto: proto, ext: true, src: dst, dst: src, a: r.ID, b: uint16(r.Seq)}, p, src, ttl, size, msg)
	case codec.KindError:
		if dir == dirSent {
			return Match{}
		}
		return m.addError(p, fam, src, ttl, size, msg)
	}
	return Match{}
}

// addError attaches an ICMP error to the probe its quote identifies.
func (m *Matcher) addError(p Packet, fam codec.Family, src netip.Addr, ttl uint8, size int, msg *codec.Message) Match {
	k := &m.fk
	if k.DecodeQuote(msg) != nil && !k.Src.IsValid() {
		return Match{}
	}
	if !k.Dst.IsValid() {
		return Match{}
	}
	var key probeKey
	switch k.Proto {
	case codec.ProtoUDP, codec.ProtoTCP:
		if k.SrcPort == 0 && k.DstPort == 0 {
			return Match{}
		}
		key = probeKey{fam: k.Family, proto: k.Proto, src: k.Src, dst: k.Dst, a: k.SrcPort, b: k.DstPort}
	case k.Family.Protocol():
		if !k.Complete {
			return Match{}
		}
		// Only an echo request quoted is a probe (codec gives an extended
		// one's 8-bit sequence as it is).
		switch k.ICMPType {
		case requestType(k.Family, false):
			key = probeKey{fam: k.Family, proto: k.Proto, src: k.Src, dst: k.Dst, a: k.ID, b: k.Seq}
		case requestType(k.Family, true):
			key = probeKey{fam: k.Family, proto: k.Proto, ext: true, src: k.Src, dst: k.Dst, a: k.ID, b: k.Seq}
		default:
			return Match{}
		}
	default:
		return Match{}
	}
	// A live engine builds its probes before the kernel numbers them: their
	// IPv4 identification is not known, so it names no probe there.
	id := identity{ipid: k.IPID, byID: k.Family == codec.IPv4 && m.window == 0}
	switch k.Proto {
	case codec.ProtoUDP:
		id.cksum = k.UDPChecksum
	case codec.ProtoTCP:
		id.seq, id.bySeq = k.TCPSeq, true
	}
	pr := m.pick(key, id)
	if pr == nil {
		return Match{}
	}
	var mtu uint32
	if eb, ok := msg.Error(); ok {
		mtu = eb.MTU
	}
	o, mk, _ := Classify(fam, msg.Type, msg.Code, mtu)
	return m.attach(pr, true, answer{frame: p.Frame, t: p.Time, from: src, typ: msg.Type, code: msg.Code,
		mtu: mtu, ttl: ttl, size: size, outcome: o, mark: mk})
}

// reply attaches an echo reply to the request it answers.
func (m *Matcher) reply(k probeKey, p Packet, from netip.Addr, ttl uint8, size int, msg *codec.Message) Match {
	pr := m.pick(k, identity{})
	if pr == nil {
		return Match{}
	}
	return m.attach(pr, false, answer{frame: p.Frame, t: p.Time, from: from, typ: msg.Type, code: msg.Code,
		ttl: ttl, size: size, outcome: OutcomeReached})
}

// keep records a probe, or counts it when the table is full. A live
// matcher's full ring forgets its oldest probe instead.
func (m *Matcher) keep(pr probe) Match {
	slot := int32(m.probes.n)
	switch {
	case m.window > 0 && m.probes.n >= m.window:
		slot = int32(m.kept % int64(m.window))
		m.ring.remove(m.probes.at(slot).hash, slot)
	case m.probes.n >= m.max:
		m.untracked++
		return Match{Kind: MatchUntracked, Frame: pr.frame}
	}
	pr.prev = -1
	// One probe of the live index finds the previous probe with the key and
	// the position the new one takes.
	var at ringAt
	if m.window > 0 {
		at = m.ring.find(&pr.key)
		pr.hash = at.hash
		if at.found {
			pr.prev = m.ring.pos[at.pos].slot
		}
	} else if last, ok := m.index[pr.key]; ok {
		pr.prev = last
	}
	pr.num = m.kept
	m.kept++
	if int(slot) == m.probes.n {
		m.probes.add(pr)
	} else {
		*m.probes.at(slot) = pr
	}
	if m.window > 0 {
		m.ring.put(at, slot)
	} else {
		m.index[pr.key] = slot
	}
	return Match{Kind: MatchProbe, Frame: pr.frame}
}

// identity is what an answer repeats of its probe beyond the key: the
// IPv4 identification a quote carries (byID), the UDP checksum it quotes
// (Paris traceroute numbers its probes there; 0 means none), the TCP
// sequence a quote carries (bySeq) or a SYN-ACK or RST acknowledges (byAck).
type identity struct {
	ipid  uint16
	byID  bool
	cksum uint16
	seq   uint32
	bySeq bool
	ack   uint32
	byAck bool
}

// matches reports whether the probe carries the answer's identity.
func (id identity) matches(pr *probe) bool {
	return id.byID && pr.ipid == id.ipid || id.cksum != 0 && pr.cksum == id.cksum ||
		id.bySeq && pr.tcpSeq == id.seq || id.byAck && pr.tcpSeq+1 == id.ack
}

func (id identity) any() bool { return id.byID || id.byAck || id.bySeq || id.cksum != 0 }

// link is the probe before pr with the same key, nil for none: in a live
// ring the slot pr.prev names may hold a newer probe since.
func (m *Matcher) link(pr *probe) *probe {
	if pr.prev < 0 {
		return nil
	}
	q := m.probes.at(pr.prev)
	if q.num >= pr.num || q.key != pr.key {
		return nil
	}
	return q
}

// pick chooses the probe an answer belongs to among those sharing its key:
// the one carrying the answer's identity, else the latest one not yet
// answered, else the latest one (a duplicate).
func (m *Matcher) pick(k probeKey, id identity) *probe {
	latest, ok := m.lookup(&k)
	if !ok {
		return nil
	}
	// Three passes, best first: the identity matches and the probe is
	// still open; the identity matches; the probe is open. Then the latest.
	for pass := 0; pass < 3; pass++ {
		if pass < 2 && !id.any() {
			continue
		}
		pr := m.probes.at(latest)
		for n := 0; pr != nil && n < candidateScan; n++ {
			same := pass == 2 || id.matches(pr)
			if same && (pass == 1 || pr.open()) {
				return pr
			}
			pr = m.link(pr)
		}
	}
	return m.probes.at(latest)
}

// arenaChunk is how many first answers one allocation holds.
const arenaChunk = 1024

// attach records an answer on its probe and says what it was to it: the
// first reply, a later one, or an error. A live matcher only counts.
func (m *Matcher) attach(pr *probe, isErr bool, a answer) Match {
	mt := Match{Kind: MatchReply, Frame: pr.frame, Outcome: a.outcome}
	n, list := &pr.replies, &pr.answers
	switch {
	case isErr:
		mt.Kind, n, list = MatchError, &pr.errors, &pr.errs
	case pr.replies > 0:
		mt.Kind = MatchDuplicate
	}
	if *n < ^uint32(0) {
		*n++
	}
	if m.window > 0 {
		return mt
	}
	if len(*list) >= MaxAnswersPerProbe {
		m.unlisted++
		return mt
	}
	if cap(*list) > 0 {
		*list = append(*list, a)
		return mt
	}
	if len(m.arena) == cap(m.arena) {
		m.arena = make([]answer, 0, arenaChunk)
	}
	m.arena = append(m.arena, a)
	k := len(m.arena)
	*list = m.arena[k-1 : k : k]
	return mt
}

// MaxAnswersPerProbe is how many replies (the first and its duplicates)
// and, apart, how many errors one probe keeps: a capture of one request and
// a million duplicate replies (a broadcast ping, or a hostile file) must
// not keep a million answers. Those past it are counted (the probe's
// counts, Ping.Duplicates, Result.Unlisted) but not listed.
const MaxAnswersPerProbe = 64

// probeChunk is how many probes one allocation of the table holds: the
// table grows by chunks, so a long capture never copies the probes kept.
const probeChunk = 1024

// probeTable holds the probes in fixed chunks, addressed by index. A live
// matcher's table is one chunk the size of its window.
type probeTable struct {
	chunks [][]probe
	chunk  int // 0: probeChunk
	n      int
}

func (t *probeTable) size() int {
	if t.chunk > 0 {
		return t.chunk
	}
	return probeChunk
}

func (t *probeTable) add(p probe) {
	if t.n%t.size() == 0 && (t.n > 0 || len(t.chunks) == 0) {
		t.chunks = append(t.chunks, make([]probe, 0, t.size()))
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, p)
	t.n++
}

func (t *probeTable) at(i int32) *probe {
	if t.chunk > 0 {
		return &t.chunks[0][i]
	}
	return &t.chunks[i/probeChunk][i%probeChunk]
}
