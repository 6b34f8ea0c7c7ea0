#include "frames.h"

namespace veche::hardware::sim {
namespace {

int word(const std::uint8_t* p) {
    return (p[0] << 8) | p[1];
}

bool isRead(std::uint8_t function) {
    return function >= 0x01 && function <= 0x04;
}

}  // namespace

std::uint16_t crc16(const std::uint8_t* data, std::size_t size) {
    std::uint16_t crc = 0xFFFF;
    for (std::size_t i = 0; i < size; ++i) {
        crc = static_cast<std::uint16_t>(crc ^ data[i]);
        for (int bit = 0; bit < 8; ++bit) {
            const bool carry = (crc & 1U) != 0;
            crc = static_cast<std::uint16_t>(crc >> 1);
            if (carry) {
                crc = static_cast<std::uint16_t>(crc ^ 0xA001);
            }
        }
    }
    return crc;
}

std::optional<std::size_t> rtuRequestLength(const Bytes& buffer) {
    if (buffer.size() < 2) {
        return std::nullopt;
    }
    const std::uint8_t function = buffer[1];
    if (function >= 0x01 && function <= 0x06) {
        return 8;
    }
    if (function == 0x0F || function == 0x10) {
        if (buffer.size() < 7) {
            return std::nullopt;
        }
        return 9 + std::size_t{buffer[6]};
    }
    return 0;
}

std::size_t replyPduLength(const std::uint8_t* pdu) {
    const int count = word(pdu + 3);
    switch (pdu[0]) {
        case 0x01:
        case 0x02:
            return 2 + static_cast<std::size_t>((count + 7) / 8);
        case 0x03:
        case 0x04:
            return 2 + 2 * static_cast<std::size_t>(count);
        default:
            return 5;  // writes echo the address and value or count
    }
}

Bytes plainReplyPdu(const std::uint8_t* pdu) {
    if (!isRead(pdu[0])) {
        return Bytes(pdu, pdu + 5);
    }
    Bytes reply(replyPduLength(pdu), 0);
    reply[0] = pdu[0];
    reply[1] = static_cast<std::uint8_t>(reply.size() - 2);
    return reply;
}

Bytes corruptReplyPdu(const std::uint8_t* pdu) {
    const std::size_t length = replyPduLength(pdu);
    Bytes reply(pdu, pdu + 5);
    if (isRead(pdu[0])) {
        reply.assign(length + 1, 0);
        reply[0] = pdu[0];
        reply[1] = static_cast<std::uint8_t>(length - 1);  // says one byte more than asked for
        return reply;
    }
    reply[2] = static_cast<std::uint8_t>(reply[2] ^ 0x01);  // another address
    return reply;
}

}  // namespace veche::hardware::sim
