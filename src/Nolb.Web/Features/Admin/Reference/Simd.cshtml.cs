using Microsoft.AspNetCore.Authorization;
using Nolb.Web.Features.Measurement.Reference;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Reference;

/// <summary>The postcode → data zone → SIMD 2020v2 lookup that gives each participant a deprivation quintile.</summary>
[Authorize(Policy = Permissions.ReferenceData.Manage)]
public sealed class SimdModel(ReferenceDataLoader loader, SimdImport import) : ReferenceUploadModel(loader, import);
