using Microsoft.AspNetCore.Authorization;
using Nolb.Web.Features.Measurement.Reference;
using Nolb.Web.Security;

namespace Nolb.Web.Features.Admin.Reference;

/// <summary>Working-age population by LEP area and group, the base of the equality gap analysis.</summary>
[Authorize(Policy = Permissions.ReferenceData.Manage)]
public sealed class PopulationModel(ReferenceDataLoader loader, PopulationImport import) : ReferenceUploadModel(loader, import);
