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
// protocol, and the echo identifier and sequence or the ports.
type probeKey struct {
	fam      codec.Family
	proto    uint8
	src, dst netip.Addr
	a, b     uint16 // echo: identifier and sequence; UDP and TCP: source and destination port
}

// probe is one probe as the matcher keeps it: no packet bytes.
type probe struct {
	key    probeKey
	kind   probeKind
	frame  int
	t      time.Time
	ttl    uint8
	ipid   uint16
	size   int    // ICMP message length (echo), else the IP payload length
	tcpSeq uint32 // TCP: the SYN's sequence number
	cksum  uint16 // UDP: the checksum as captured (Paris traceroute's probe number)
	prev   int32  // the previous probe with the same key, -1 for none
	// facts (UDP) tell tracepath's probes from traceroute's (tool.go).
	facts probeFacts
	// answers are replies in capture order: the first answers the probe,
	// the others are duplicates. errs are ICMP errors quoting it.
	answers []answer
	errs    []answer
}

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
	probes probeTable
	// index holds, per key, the latest probe; each probe links to the
	// one before it with the same key (probe.prev): no slice per key.
	index map[probeKey]int32
	// arena holds the first answer of each probe in chunks, so that one
	// answer costs no allocation of its own.
	arena     []answer
	untracked int
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
	return &Matcher{max: max, index: make(map[probeKey]int32)}
}

// AddFrame is Add for a captured frame with its link header: the IP
// datagram is found where dissect finds it. Frames whose link layer is not
// one of the common ones are skipped.
func (m *Matcher) AddFrame(frame int, t time.Time, data []byte, start dissect.Layer) {
	off, ok := dissect.IPStart(data, start)
	if !ok {
		m.packets++
		return
	}
	m.Add(Packet{Frame: frame, Time: t, IP: data[off:]})
}

// Add looks at one packet: a probe is kept, an answer is attached to the
// probe it answers, anything else is left alone.
func (m *Matcher) Add(p Packet) {
	m.packets++
	pk := &m.pkt
	_ = pk.Decode(p.IP) // whatever could be read is used; a torn datagram yields nothing
	var src, dst netip.Addr
	var ttl, proto uint8
	var ipid uint16
	switch pk.Family {
	case codec.IPv4:
		if pk.V4.FragOff != 0 || !pk.V4.Src.IsValid() {
			return
		}
		src, dst, ttl, proto, ipid = pk.V4.Src, pk.V4.Dst, pk.V4.TTL, pk.V4.Protocol, pk.V4.ID
	case codec.IPv6:
		if pk.V6.FragOff != 0 || !pk.V6.Src.IsValid() {
			return
		}
		src, dst, ttl, proto, ipid = pk.V6.Src, pk.V6.Dst, pk.V6.HopLimit, pk.V6.Upper, uint16(pk.V6.FlowLabel)
	default:
		return
	}
	fam := pk.Family
	switch {
	case pk.HasICMP:
		m.addICMP(p, fam, src, dst, ttl, ipid)
	case proto == codec.ProtoUDP:
		// A probe cut by the capture's snapshot still has its ports: only
		// the header is read (its length is in the facts; size is what
		// the capture holds).
		h, data, err := codec.ParseUDP(pk.Payload)
		if err != nil && !errors.Is(err, codec.ErrTruncated) || ttl >= ProbeTTLLimit {
			return
		}
		m.keep(probe{key: probeKey{fam, proto, src, dst, h.SrcPort, h.DstPort}, kind: kindUDP,
			frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: len(pk.Payload), cksum: h.Checksum,
			facts: udpProbeFacts(pk, ttl, data)})
	case proto == codec.ProtoTCP:
		h, _, err := codec.ParseTCP(pk.Payload)
		if err != nil {
			return
		}
		syn, ack, rst := h.Flags&codec.TCPFlagSYN != 0, h.Flags&codec.TCPFlagACK != 0, h.Flags&codec.TCPFlagRST != 0
		switch {
		case syn && !ack:
			if ttl < ProbeTTLLimit {
				m.keep(probe{key: probeKey{fam, proto, src, dst, h.SrcPort, h.DstPort}, kind: kindTCP,
					frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: len(pk.Payload), tcpSeq: h.Seq})
			}
		case syn && ack || rst:
			k := probeKey{fam, proto, dst, src, h.DstPort, h.SrcPort}
			if pr := m.pick(k, identity{ack: h.Ack, byAck: ack}); pr != nil {
				m.attach(&pr.answers, answer{frame: p.Frame, t: p.Time, from: src, ttl: ttl,
					size: len(pk.Payload), outcome: OutcomeReached, tcp: true, rst: rst})
			}
		}
	}
}

// addICMP handles an ICMP message: an echo request is a probe, a reply or
// an error an answer.
func (m *Matcher) addICMP(p Packet, fam codec.Family, src, dst netip.Addr, ttl uint8, ipid uint16) {
	msg := &m.pkt.ICMP
	proto := fam.Protocol()
	size := len(msg.Bytes())
	switch msg.Kind {
	case codec.KindEcho:
		e, ok := m.pkt.Echo()
		if !ok {
			return
		}
		if msg.Type == codec.ICMPv4EchoRequest && fam == codec.IPv4 || msg.Type == codec.ICMPv6EchoRequest && fam == codec.IPv6 {
			m.keep(probe{key: probeKey{fam, proto, src, dst, e.ID, e.Seq}, kind: kindEcho,
				frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: size})
			return
		}
		m.reply(probeKey{fam, proto, dst, src, e.ID, e.Seq}, p, src, ttl, size, msg)
	case codec.KindExtendedEchoRequest:
		r, ok := msg.ExtendedEchoRequest()
		if !ok {
			return
		}
		m.keep(probe{key: probeKey{fam, proto, src, dst, r.ID, uint16(r.Seq)}, kind: kindExtEcho,
			frame: p.Frame, t: p.Time, ttl: ttl, ipid: ipid, size: size})
	case codec.KindExtendedEchoReply:
		r, ok := msg.ExtendedEchoReply()
		if !ok {
			return
		}
		m.reply(probeKey{fam, proto, dst, src, r.ID, uint16(r.Seq)}, p, src, ttl, size, msg)
	case codec.KindError:
		k := &m.fk
		if k.DecodeQuote(msg) != nil && !k.Src.IsValid() {
			return
		}
		if !k.Dst.IsValid() {
			return
		}
		var key probeKey
		switch k.Proto {
		case codec.ProtoUDP, codec.ProtoTCP:
			if k.SrcPort == 0 && k.DstPort == 0 {
				return
			}
			key = probeKey{k.Family, k.Proto, k.Src, k.Dst, k.SrcPort, k.DstPort}
		case k.Family.Protocol():
			if !k.Complete {
				return
			}
			key = probeKey{k.Family, k.Proto, k.Src, k.Dst, k.ID, k.Seq}
		default:
			return
		}
		id := identity{ipid: k.IPID, byID: k.Family == codec.IPv4}
		if k.Proto == codec.ProtoUDP {
			id.cksum = k.UDPChecksum
		}
		pr := m.pick(key, id)
		if pr == nil {
			return
		}
		var mtu uint32
		if eb, ok := msg.Error(); ok {
			mtu = eb.MTU
		}
		o, mk, _ := Classify(fam, msg.Type, msg.Code, mtu)
		m.attach(&pr.errs, answer{frame: p.Frame, t: p.Time, from: src, typ: msg.Type, code: msg.Code,
			mtu: mtu, ttl: ttl, size: size, outcome: o, mark: mk})
	}
}

// reply attaches an echo reply to the request it answers.
func (m *Matcher) reply(k probeKey, p Packet, from netip.Addr, ttl uint8, size int, msg *codec.Message) {
	pr := m.pick(k, identity{})
	if pr == nil {
		return
	}
	m.attach(&pr.answers, answer{frame: p.Frame, t: p.Time, from: from, typ: msg.Type, code: msg.Code,
		ttl: ttl, size: size, outcome: OutcomeReached})
}

// keep records a probe, or counts it when the table is full.
func (m *Matcher) keep(pr probe) {
	if m.probes.n >= m.max {
		m.untracked++
		return
	}
	pr.prev = -1
	if last, ok := m.index[pr.key]; ok {
		pr.prev = last
	}
	m.index[pr.key] = int32(m.probes.n)
	m.probes.add(pr)
}

// identity is what an answer repeats of its probe beyond the key: the
// IPv4 identification a quote carries (byID), the UDP checksum it quotes
// (Paris traceroute numbers its probes there; 0 means none), the TCP
// sequence a SYN-ACK or RST acknowledges (byAck).
type identity struct {
	ipid  uint16
	byID  bool
	cksum uint16
	ack   uint32
	byAck bool
}

// matches reports whether the probe carries the answer's identity.
func (id identity) matches(pr *probe) bool {
	return id.byID && pr.ipid == id.ipid || id.cksum != 0 && pr.cksum == id.cksum || id.byAck && pr.tcpSeq+1 == id.ack
}

// pick chooses the probe an answer belongs to among those sharing its key:
// the one carrying the answer's identity, else the latest one not yet
// answered, else the latest one (a duplicate).
func (m *Matcher) pick(k probeKey, id identity) *probe {
	latest, ok := m.index[k]
	if !ok {
		return nil
	}
	// Four passes, best first: the identity matches and the probe is still
	// open; the identity matches; the probe is open; the latest probe.
	for pass := 0; pass < 3; pass++ {
		if pass < 2 && !id.byID && !id.byAck && id.cksum == 0 {
			continue
		}
		for i, n := latest, 0; i >= 0 && n < candidateScan; n++ {
			pr := m.probes.at(i)
			same := pass == 2 || id.matches(pr)
			open := pass == 1 || len(pr.answers) == 0 && len(pr.errs) == 0
			if same && open {
				return pr
			}
			i = pr.prev
		}
	}
	return m.probes.at(latest)
}

// arenaChunk is how many first answers one allocation holds.
const arenaChunk = 1024

// attach appends an answer to a probe's list: the first from the arena,
// later ones (duplicates, rare) the ordinary way.
func (m *Matcher) attach(list *[]answer, a answer) {
	if cap(*list) > 0 {
		*list = append(*list, a)
		return
	}
	if len(m.arena) == cap(m.arena) {
		m.arena = make([]answer, 0, arenaChunk)
	}
	m.arena = append(m.arena, a)
	n := len(m.arena)
	*list = m.arena[n-1 : n : n]
}

// probeChunk is how many probes one allocation of the table holds: the
// table grows by chunks, so a long capture never copies the probes kept.
const probeChunk = 1024

// probeTable holds the probes in fixed chunks, addressed by index.
type probeTable struct {
	chunks [][]probe
	n      int
}

func (t *probeTable) add(p probe) {
	if t.n%probeChunk == 0 {
		t.chunks = append(t.chunks, make([]probe, 0, probeChunk))
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, p)
	t.n++
}

func (t *probeTable) at(i int32) *probe { return &t.chunks[i/probeChunk][i%probeChunk] }
