package codec

// typedBodyMore and appendBodyMore cover the kinds beyond echo and error.
func typedBodyMore(m Message) (Body, bool) { return m.Raw(), true }

func appendBodyMore(dst []byte, h Header, b Body) []byte {
	return Append(dst, h, b.(RawBody))
}
