// The syllables of written Vietnamese, most common first, as the project's authors rank them for
// administrative prose (written for tonghop, not taken from a corpus). Rank sets a syllable's
// prior; a syllable not listed here or in a phrase list is still valid, only less likely.
const RANKED = `
và của các có là được trong cho không người những một với đã này năm để theo tại
về số từ trên đến xã công nhân dân thực hiện ban ủy tỉnh việc đơn vị chính quyền
hoạt động kết quả báo cáo phát triển chuyển đổi tác hành địa phương cán bộ chức cấp
thông tin tin nghệ khoa học hóa hồ sơ tục thủ giải quyết dịch vụ trực tuyến điện tử
đạt tỷ lệ tổng triển khai nội dung kế hoạch chương trình nhiệm quản lý nhà nước
đồng thời còn chưa đang sẽ cũng như nhưng vì nên do khi sau trước bằng đó nào gì
hội đoàn thể cơ sở hạ tầng mạng lưới thiết bị máy tính phần mềm hệ thống dữ liệu
quốc gia dân cư căn cước định danh kích tài khoản tiếp nhận trả thanh toán tiền mặt
chi ngân sách kinh phí nguồn lực đầu tư mua sắm sửa chữa nâng cao năng chất lượng
đào tạo bồi dưỡng tập huấn kỹ lớp học viên giáo dục y tế văn xã hội an ninh
khó khăn vướng mắc hạn chế tồn tại nguyên nhân đề xuất kiến nghị giải pháp
phương hướng nhiệm vụ trọng tâm thời gian tới tiếp tục đẩy mạnh tăng cường
chỉ đạo điều hành tuyên truyền phổ biến quán triệt nghị quyết chỉ thị quyết định
công văn thông báo kết luận hướng dẫn văn bản ban hành tổ chức sắp xếp bộ máy
hai ba bốn năm sáu bảy tám chín mười trăm nghìn triệu tỷ đồng lượt hộ gia đình
người dân doanh nghiệp hợp tác thôn xóm bản tổ dân phố khu vực vùng sâu xa
ngày tháng quý kỳ đầu cuối giữa toàn bộ tất cả mỗi từng nhiều ít hơn nhất rất
được giao phụ trách chuyên trách kiêm nhiệm trách nhiệm đồng chí chủ tịch phó
trưởng phòng văn phòng hội đồng đảng ủy bí thư mặt trận tổ quốc đoàn thanh niên
phụ nữ nông dân cựu chiến binh nông nghiệp nông thôn mới sản xuất kinh doanh
thương mại du lịch môi trường đất đai xây dựng giao thông thủy lợi điện nước
sạch an toàn bảo đảm bảo mật giám sát kiểm tra đánh giá chấm điểm xếp loại
tốt khá trung bình yếu kém đúng hạn quá sớm muộn chậm nhanh mạnh yếu đủ thiếu
chủ yếu cơ bản thường xuyên kịp thời hiệu quả hiệu lực minh bạch công khai
sử dụng ứng dụng cài đặt kết nối tích hợp chia sẻ khai thác vận hành duy trì
bảo trì nâng cấp thay thế bổ sung mở rộng hoàn thiện hoàn thành chuẩn bị
thực tế thực trạng tình hình đặc biệt chung riêng mới cũ lớn nhỏ cao thấp
đi đến ra vào lên xuống lại qua làm biết thấy nói xem nghe đọc viết gửi nhận
ở ai gì đâu sao bao giờ rồi mà thì lúc nay hôm ngoài dưới giữa bên cạnh
đây kia ấy họ chúng ta tôi mình anh chị em ông bà cô chú bác con cháu
vẫn đều chỉ cả hết luôn ngay vừa mới đang hãy phải cần nên có thể
số hóa tỷ trọng bình quân tối thiểu tối đa khoảng gần trên dưới vượt
xử lý đưa cập nhật duy trì phủ sóng đột phá lên xuống ổn định ảnh hưởng ngại
tại đây nơi chỗ điểm mức độ phạm vi quy mô quy định quy chế quy trình thủ công
thuận lợi bất cập phức tạp đơn giản dễ khó lâu dài ngắn hạn trung hạn dài hạn
gồm bao gồm kèm theo đính kèm liên quan liên hệ liên thông đồng bộ riêng lẻ
nhờ giúp phục vụ tham mưu đề ra đặt thiết lập xác định tổng kết sơ kết đánh
tốt hơn nhiều hơn ít hơn khoảng chừng hầu hết phần lớn một số đa số thiểu số
chiếm tương đương bằng gấp lần giảm tăng so sánh biến động thay đổi chuyển
vậy thế này kia nữa thêm mọi ngày càng càng dần từng bước tiến độ chậm trễ
Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đinh Trịnh
Văn Thị Hữu Đức Minh Thanh Quang Hồng Ngọc Xuân Thu Hương Hải Hùng Dũng Tuấn Anh
Hà Lan Mai Hoa Huệ Cúc Nga Nhung Phương Thảo Trang Linh Hằng Hạnh Hiền Hòa Bình
Sơn Tùng Long Thắng Thành Trung Nam Bắc Tây Đông Phong Vinh Lộc Phúc Thọ Tài Tiến
Cường Khánh Kiên Lâm Lực Mạnh Nghĩa Nhân Phát Quý Sang Tâm Thịnh Toàn Tú Việt Vương
`;

export const RANKED_SYLLABLES: readonly string[] = RANKED.trim().split(/\s+/);
