import pytest


@pytest.fixture
def real_data(real_data):
    """The seed data with one attachment, so that the files resource (OParl File) has an object too:
    the seed documents are not in the repository, so the loaded data keeps none."""
    from assignments import roles
    from motions.attachments import attachment_add
    from motions.models import Attachment, Case

    case = Case.objects.by_url_key("SLK-2022-00921").get()
    attachment_add(
        case=case,
        data="Tjänsteutlåtande\n\n1. Kommunstyrelsen föreslår kommunfullmäktige att besluta.\n".encode(),
        filename="Tjänsteutlåtande.txt",
        kind=Attachment.Kind.TJANSTEUTLATANDE,
        user=roles.SYSTEM,
    )
    return real_data
