#pragma once
/// Document data extractor (HSO Data Extractor): a Streamlit front end where staff upload
/// documents, an Azure Function that extracts their text and fields with Computer Vision, and
/// the storage, secrets and monitoring its production best practices ask for (seed 000).

#include "dsl/core/app.h"

namespace iac::stacks {

/// The application with its dev, staging and prod environments.
App docextract();

}  // namespace iac::stacks
