/* sha256.h - SHA-256 (FIPS 180-4), used to key letters in the store.
 * ir_sha256() hashes len bytes into out[32]; ir_sha256_hex() writes 64 lower
 * case hex digits and a NUL into hex[65]. Thread-safe (no state). */
#ifndef IR_SHA256_H
#define IR_SHA256_H
#include <stddef.h>

void ir_sha256(const void *data, size_t len, unsigned char out[32]);
void ir_sha256_hex(const unsigned char digest[32], char hex[65]);

#endif
