package capture

import "strconv"

// Limits of what the reader keeps, whatever a file's fields claim. They are
// the capture part of the decode budget (README, "The budget"): past them the
// reader notes what it ignored and reads on.
const (
	// MaxInterfaces is how many interface description blocks one pcapng
	// section may describe. Wireshark's captures use a handful; a file with
	// millions of them is built to exhaust memory. Interfaces past the
	// limit are not kept, and a packet on one of them is returned with
	// LinkUnknown and a note.
	MaxInterfaces = 65536
	// MaxNameLen is how many bytes of an interface's if_name are kept.
	MaxNameLen = 256
	// maxPendingNotes bounds the notes gathered between two packets: the
	// first few of each run are kept whole, the rest counted in a summary
	// note.
	maxPendingNotes = 16
)

// LinkUnknown is the link type of a packet whose interface was not kept
// (over MaxInterfaces): the reader cannot say what its bytes start with.
const LinkUnknown LinkType = 0xffff

// Note is a remark about the capture file rather than a packet's bytes: a
// limit reached, or a length field that disagrees with another. Reading
// goes on after a note; nothing it describes is silently dropped.
type Note struct {
	Offset int64  // of the record or block the note is about
	What   string // "record", "interface description block", ...
	Msg    string
}

func (n Note) String() string {
	return n.What + " at offset " + strconv.FormatInt(n.Offset, 10) + ": " + n.Msg
}

// note records a note for the next packet Next returns. Past
// maxPendingNotes in one stretch, notes are counted instead of kept, and
// flushNotes sums them up.
func (r *Reader) note(start int64, what, msg string) {
	if len(r.notes) < maxPendingNotes {
		r.notes = append(r.notes, Note{Offset: start, What: what, Msg: msg})
		return
	}
	if r.dropped == 0 {
		r.droppedFrom = start
	}
	r.dropped++
	r.droppedTo = start
}

// flushNotes closes the current stretch of notes: a summary of those only
// counted becomes the last note.
func (r *Reader) flushNotes() {
	r.flushIgnored()
	if r.dropped == 0 {
		return
	}
	r.notes = append(r.notes, Note{Offset: r.droppedFrom, What: "blocks",
		Msg: group(r.dropped) + " more notes like the ones before, up to offset " + strconv.FormatInt(r.droppedTo, 10)})
	r.dropped = 0
}

// takeNotes hands the pending notes to a packet. The slice is reused:
// like Packet.Data, Packet.Notes is valid until the next call to Next.
func (r *Reader) takeNotes() []Note {
	if len(r.notes) == 0 && r.dropped == 0 && r.ignored == 0 {
		return nil
	}
	r.flushNotes()
	n := r.notes
	r.notes = nil
	return n
}

// PendingNotes returns the notes about blocks after the last packet: call
// it once Next has returned io.EOF or an error.
func (r *Reader) PendingNotes() []Note {
	r.flushNotes()
	n := r.notes
	r.notes = nil
	return n
}

// group writes n with thousands separators, as the notes print counts
// ("interface 1,000,001").
func group(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// ignoreInterface notes an interface description block past MaxInterfaces.
// The first one of a run gets a note of its own; the rest are counted and
// summed up in one note (flushIgnored), so twenty million ignored blocks
// cost two notes, not twenty million.
func (r *Reader) ignoreInterface(start int64) {
	const what = "interface description block"
	n := r.nIfaces + 1 // 1-based, as the note counts
	r.nIfaces++
	if r.ignored == 0 && !r.ignoredNoted {
		r.note(start, what, "interface "+group(n)+" ignored: more than "+group(MaxInterfaces)+" interfaces in one section")
		r.ignoredNoted = true
		return
	}
	if r.ignored == 0 {
		r.ignoredFrom, r.ignoredFirst = start, n
	}
	r.ignored++
	r.ignoredTo = start
}

// flushIgnored turns the count of ignored interfaces into one note.
func (r *Reader) flushIgnored() {
	if r.ignored == 0 {
		return
	}
	const what = "interface description block"
	msg := "interface " + group(r.ignoredFirst) + " ignored too"
	if r.ignored > 1 {
		msg = "interfaces " + group(r.ignoredFirst) + " to " + group(r.ignoredFirst+r.ignored-1) + " ignored too (the last at offset " + strconv.FormatInt(r.ignoredTo, 10) + ")"
	}
	r.ignored = 0
	r.note(r.ignoredFrom, what, msg+": more than "+group(MaxInterfaces)+" interfaces in one section")
}
