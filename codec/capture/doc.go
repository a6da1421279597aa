// Package capture reads pcap and pcapng files as a stream, and writes
// pcapng.
//
// It exists because the web page's WebAssembly budget has no room for
// gopacket: pcapgo pulls in gopacket/layers, which alone costs about 500 KB
// of gzipped wasm. This reader is a few hundred lines of standard library
// and keeps gopacket's pcapgo as its test oracle: every packet of every
// capture in the tests is compared with what pcapgo reads.
//
// NewReader tells the formats apart by their first bytes: pcap in either
// byte order with micro- or nanosecond time stamps (and the "modified" pcap
// of old Red Hat tcpdumps), pcapng with any number of sections, interfaces,
// link types and time stamp resolutions, and either of them gzipped. Next
// returns one packet at a time from one reused buffer, so a capture of any
// size is read in constant memory; a length field can never make the reader
// allocate more than the input actually holds. Errors are *FormatError
// values naming the byte offset of the faulty record or block; a truncated
// last packet comes after every packet before it.
package capture
