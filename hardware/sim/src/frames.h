#pragma once

// Modbus frame arithmetic the simulator needs beyond what libmodbus offers.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace veche::hardware::sim {

using Bytes = std::vector<std::uint8_t>;

// CRC-16/MODBUS of `size` bytes.
std::uint16_t crc16(const std::uint8_t* data, std::size_t size);

// The length of the RTU request at the start of `buffer` (address, PDU,
// CRC), or nullopt while more bytes are needed. 0: a function the simulator
// does not know (the buffer should be dropped).
std::optional<std::size_t> rtuRequestLength(const Bytes& buffer);

// The length of the PDU (function code and data) a correct reply to
// `pdu` (a request's function code and data) has.
std::size_t replyPduLength(const std::uint8_t* pdu);

// A reply to the request PDU of the right shape: a read's data all zero, a
// write's echo. For a frame sent with a wrong CRC.
Bytes plainReplyPdu(const std::uint8_t* pdu);

// A reply to the request PDU whose content is wrong:
// a read's byte count is off by one (the frame one byte longer), a write's
// echoed address is changed.
Bytes corruptReplyPdu(const std::uint8_t* pdu);

}  // namespace veche::hardware::sim
