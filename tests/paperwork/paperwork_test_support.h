#pragma once

// Helpers of the paperwork tests: PDF text, programs on PATH, a sample
// protocol (and document_test_support.h).

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "document_test_support.h"
#include "veche/paperwork/document.h"

namespace veche::paperwork::test {

// The text pdftotext -layout reads from the PDF at `path`, pages separated
// by form feeds, no-break spaces as plain ones.
std::string pdfText(const std::string& path);

// U+00A0 replaced by a plain space.
std::string withPlainSpaces(std::string text);

// The full path of `program` on PATH, if it is there.
std::optional<std::string> findOnPath(const std::string& program);

// A small protocol: title, a dated introduction with quotes, the agenda, a
// table of results, a ballot's QR code, two signatures, then after a page
// break an appendix with a registry of `registryRows` owners.
Document sampleProtocol(int registryRows = 5);

}  // namespace veche::paperwork::test
