package codec

// Placeholder tables: the registry helper replaces this file with
// registry_v4.go and registry_v6.go.
var registryV4, registryV6 [256]*TypeInfo
